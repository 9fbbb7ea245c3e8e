import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { navigate } from '../../lib/router';
import { useStore } from '../../lib/store';
import { titleFieldOf } from '../../records/entity-types';
import { cardPath } from '../../records/record-paths';
import { useFormatContext } from '../../records/use-format-context';
import { CellValue } from './CellValue';
import { columnLabel } from './column-label';
import type { ListColumn } from './list-columns';
import { selectedIn, selection, toggle } from './selection';

/**
 * Records as a table: headers sort (click again to reverse, a third time to drop), each row opens its card, ticks
 * select rows for bulk actions. On phones each row becomes a small card of label–value lines.
 */
export function RecordTable({
  entityKey,
  entity,
  columns,
  items,
  sort,
  onSort,
  listId,
}: {
  entityKey: string;
  entity: EntityBody;
  columns: ListColumn[];
  items: RecordItem[];
  sort: string | null;
  onSort(key: string): void;
  listId: string;
}) {
  const { t, i18n } = useTranslation();
  useStore(selection);
  const selected = selectedIn(listId);
  const fields = useMemo(() => columns.flatMap((c) => (c.builtin ? [] : [c.field])), [columns]);
  const rows = useMemo(() => items.map((r) => r.data), [items]);
  const ctx = useFormatContext(fields, rows);
  const title = titleFieldOf(entity);
  const linkColumn = columns.find((c) => c.key === title)?.key ?? columns[0]?.key;
  const allChecked = items.length > 0 && items.every((r) => selected.has(r.id));
  return (
    <table className="records" data-testid="records">
      <thead>
        <tr>
          <th className="check" scope="col">
            <input
              type="checkbox"
              aria-label={t('work.list.selectPage')}
              checked={allChecked}
              onChange={(e) =>
                toggle(
                  listId,
                  items.map((r) => r.id),
                  e.target.checked,
                )
              }
            />
          </th>
          {columns.map((column) => {
            const label = columnLabel(column, t, i18n.language);
            const direction =
              sort === column.key ? 'ascending' : sort === `-${column.key}` ? 'descending' : undefined;
            return (
              <th key={column.key} scope="col" aria-sort={direction}>
                {column.sortable ? (
                  <button type="button" className="sort" onClick={() => onSort(column.key)}>
                    {label}
                    <span aria-hidden="true" className="sort-mark">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {items.map((record) => (
          <tr
            key={record.id}
            className={selected.has(record.id) ? 'selected' : undefined}
            data-testid="record-row"
            onClick={(event) => {
              // The row is a large target for the mouse; links, ticks and keyboards use their own controls.
              if ((event.target as HTMLElement).closest('a, button, input, label')) return;
              navigate(cardPath(entityKey, record.id));
            }}
          >
            <td className="check">
              <input
                type="checkbox"
                aria-label={t('work.list.selectRecord', { number: record.number })}
                checked={selected.has(record.id)}
                onChange={(e) => toggle(listId, [record.id], e.target.checked)}
              />
            </td>
            {columns.map((column) => (
              <td
                key={column.key}
                data-label={column.key === 'number' ? undefined : columnLabel(column, t, i18n.language)}
                className={`col-${column.key === linkColumn ? 'main' : 'other'}`}
              >
                {column.key === linkColumn ? (
                  <Link to={cardPath(entityKey, record.id)}>
                    <CellValue column={column} record={record} ctx={ctx} />
                    {column.key !== 'number' && !record.title && t('work.number', { number: record.number })}
                  </Link>
                ) : (
                  <CellValue column={column} record={record} ctx={ctx} />
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
