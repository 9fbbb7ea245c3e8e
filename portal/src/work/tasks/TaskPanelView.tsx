import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { LoadError, Loading } from '../../components/ScreenStates';
import { useStore } from '../../lib/store';
import { formatMoment } from '../../records/format-value';
import { useNames } from '../../records/name-cache';
import { cardPath } from '../../records/record-paths';
import { useSignedInUser } from '../../state/use-signed-in-user';
import { ApprovalSheet } from '../card/ApprovalSheet';
import { ApprovalActions } from './ApprovalActions';
import { assignedPeople, assigneeText } from './assignee-text';
import { DelegateBox } from './DelegateBox';
import { DueCell } from './DueCell';
import { ProblemBanner } from './ProblemBanner';
import { createTaskPanel, type TaskPanel } from './task-panel';
import { tasksPath } from './task-paths';
import type { TaskDetail } from './task-types';
import { UserTaskForm } from './UserTaskForm';

const noRecords = new Map<string, Set<string>>();

/** The open task: what it is about, who has it, and what can be done with it. */
export function TaskPanelView({ id }: { id: string }) {
  const panel = useMemo(() => createTaskPanel(id), [id]);
  useEffect(() => {
    void panel.load();
  }, [panel]);
  const state = useStore(panel.store);
  if (!state.task && state.loading) return <Loading />;
  if (!state.task) return <LoadError error={state.loadError} onRetry={() => void panel.load()} />;
  return <TaskDetails task={state.task} panel={panel} />;
}

function TaskDetails({ task, panel }: { task: TaskDetail; panel: TaskPanel }) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const { busy, notice, problem } = useStore(panel.store);
  const names = useNames(
    noRecords,
    useMemo(() => assignedPeople([task]), [task]),
  );
  const open = task.status === 'open';
  const mineClaimed = task.claimedBy?.id === user?.id;
  return (
    <article className="task-panel" data-testid="task-panel" aria-labelledby="task-title">
      <Link to={tasksPath} className="muted task-back">
        ← {t('tasks.panel.back')}
      </Link>
      <header>
        <div className="muted small">{t(`tasks.kind.${task.kind}`)}</div>
        <h2 id="task-title">{task.title}</h2>
      </header>
      <dl className="task-facts">
        <dt>{t('tasks.panel.process')}</dt>
        <dd>{task.processName || task.processKey}</dd>
        {task.record && (
          <>
            <dt>{t('tasks.panel.record')}</dt>
            <dd>
              <Link to={cardPath(task.record.entity, task.record.id)} data-testid="task-record">
                {task.record.title || t('tasks.panel.openRecord')}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('tasks.panel.assignee')}</dt>
        <dd>{assigneeText(task, names, t)}</dd>
        <dt>{t('tasks.panel.due')}</dt>
        <dd>
          <DueCell task={task} />
        </dd>
        <dt>{t('tasks.panel.created')}</dt>
        <dd>{formatMoment(task.createdAt, i18n.language)}</dd>
        {!open && task.completedAt && (
          <>
            <dt>{t('tasks.panel.completed')}</dt>
            <dd>{formatMoment(task.completedAt, i18n.language)}</dd>
          </>
        )}
        {!open && task.outcome && (
          <>
            <dt>{t('tasks.panel.outcome')}</dt>
            <dd data-testid="task-outcome">
              {t(`tasks.outcomeDone.${task.outcome}`, { defaultValue: task.outcome })}
            </dd>
          </>
        )}
      </dl>
      {notice && (
        <div className="banner success" role="status" data-testid="task-notice">
          {t(notice.key, notice.values)}
        </div>
      )}
      {problem && <ProblemBanner problem={problem} />}
      {!open && <p className="muted">{t('tasks.panel.closed')}</p>}
      {open && (
        <div className="task-claim">
          {/* A task offered to a role or a line is taken first; one named for a person is theirs already. */}
          {!task.claimedBy && task.assignee.kind !== 'user' && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void panel.claim()}
              data-testid="task-claim"
            >
              {t('tasks.panel.claim')}
            </button>
          )}
          {task.claimedBy && (
            <span className="muted">
              {t('tasks.panel.claimedBy')}: {task.claimedBy.name}
            </span>
          )}
          {mineClaimed && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void panel.unclaim()}
              data-testid="task-unclaim"
            >
              {t('tasks.panel.unclaim')}
            </button>
          )}
        </div>
      )}
      {open && task.kind === 'approval' && <ApprovalActions key={task.id} task={task} panel={panel} />}
      {open && task.kind !== 'approval' && <UserTaskForm key={task.id} task={task} panel={panel} />}
      {open && task.canDelegate && <DelegateBox panel={panel} busy={busy} />}
      {task.record && task.decisions.length > 0 && <ApprovalSheet rows={task.decisions} />}
    </article>
  );
}
