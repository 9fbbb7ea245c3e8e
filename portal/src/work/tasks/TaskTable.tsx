import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { navigate } from '../../lib/router';
import { useNames } from '../../records/name-cache';
import { cardPath } from '../../records/record-paths';
import { assignedPeople, assigneeText } from './assignee-text';
import { bulkEligible } from './bulk-summary';
import { DueCell } from './DueCell';
import { taskPath } from './task-paths';
import type { Task } from './task-types';
import { selectTask, setChecked, toggleChecked } from './tasks-store';

const noRecords = new Map<string, Set<string>>();

/** The inbox rows: a tick for the ones that may be approved together, the task, its process, record and due date. */
export function TaskTable({
  items,
  selected,
  checked,
}: {
  items: readonly Task[];
  selected: string | null;
  checked: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const people = useMemo(() => assignedPeople(items), [items]);
  const names = useNames(noRecords, people);
  const eligible = bulkEligible(items);
  const allChecked = eligible.length > 0 && eligible.every((task) => checked.has(task.id));
  const body = useRef<HTMLTableSectionElement>(null);
  // The keyboard moves the selection: the chosen row stays in view.
  useEffect(() => {
    if (!selected) return;
    const row = [...(body.current?.rows ?? [])].find((r) => r.dataset.task === selected);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <div className="table-wrap">
      <table className="records tasks-table" aria-label={t('tasks.list')} data-testid="tasks-table">
        <thead>
          <tr>
            <th className="check">
              {eligible.length > 0 && (
                <input
                  type="checkbox"
                  aria-label={t('tasks.bulk.selectAll')}
                  checked={allChecked}
                  onChange={() => setChecked(allChecked ? [] : eligible.map((task) => task.id))}
                />
              )}
            </th>
            <th>{t('tasks.column.title')}</th>
            <th>{t('tasks.column.process')}</th>
            <th>{t('tasks.column.record')}</th>
            <th>{t('tasks.column.assignee')}</th>
            <th>{t('tasks.column.due')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {items.map((task) => (
            <tr
              key={task.id}
              className={task.id === selected ? 'selected' : undefined}
              aria-selected={task.id === selected}
              data-testid="task-row"
              data-task={task.id}
              onClick={(event) => {
                // The row is a large target for the mouse; links, ticks and keyboards use their own controls.
                if ((event.target as HTMLElement).closest('a, button, input, label')) return;
                selectTask(task.id);
                navigate(taskPath(task.id));
              }}
            >
              <td className="check">
                {task.bulkApprove && task.status === 'open' && (
                  <input
                    type="checkbox"
                    aria-label={t('tasks.bulk.select')}
                    checked={checked.has(task.id)}
                    onChange={() => toggleChecked(task.id)}
                    data-testid="task-check"
                  />
                )}
              </td>
              <td className="col-main">
                <Link to={taskPath(task.id)}>{task.title}</Link>
                <div className="muted small">{t(`tasks.kind.${task.kind}`)}</div>
              </td>
              <td data-label={t('tasks.column.process')}>{task.processName || task.processKey}</td>
              <td data-label={t('tasks.column.record')}>
                {task.record && (
                  <Link to={cardPath(task.record.entity, task.record.id)}>
                    {task.record.title || task.record.id.slice(0, 8)}
                  </Link>
                )}
              </td>
              <td data-label={t('tasks.column.assignee')}>{assigneeText(task, names, t)}</td>
              <td data-label={t('tasks.column.due')}>
                <DueCell task={task} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
