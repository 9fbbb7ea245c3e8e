import type { EntityBody } from '@opora/runtime/definitions';
import type { FilterOp } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { columnLabel } from './column-label';
import { FilterValue } from './FilterValue';
import { type FilterSpec, filterTarget, inputFor, newFilter, opsFor } from './filter-ops';
import { listColumns } from './list-columns';

/** The list's conditions, one row each: field, comparison, value; all must hold. */
export function FilterPanel({
  entity,
  filters,
  onChange,
}: {
  entity: EntityBody;
  filters: FilterSpec[];
  onChange(filters: FilterSpec[]): void;
}) {
  const { t, i18n } = useTranslation();
  const columns = listColumns(entity);
  const set = (index: number, next: FilterSpec | null) =>
    onChange(next ? filters.map((f, i) => (i === index ? next : f)) : filters.filter((_, i) => i !== index));
  return (
    <fieldset className="filters" data-testid="filters">
      <legend className="sr-only">{t('work.filter.title')}</legend>
      {filters.map((filter, index) => {
        const target = filterTarget(entity, filter.field);
        if (!target) return null;
        const input = inputFor(target, filter.op);
        const label = columnLabel(columns.find((c) => c.key === filter.field)!, t, i18n.language);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same field may be filtered twice (from … to …)
          <div className="filter-row" key={index}>
            <select
              aria-label={t('work.filter.field')}
              value={filter.field}
              onChange={(e) => set(index, newFilter(entity, e.target.value))}
            >
              {columns.map((c) => (
                <option key={c.key} value={c.key}>
                  {columnLabel(c, t, i18n.language)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('work.filter.op', { field: label })}
              value={filter.op}
              onChange={(e) => {
                const op = e.target.value as FilterOp;
                const keep = inputFor(target, op) === input && op !== 'empty' && filter.op !== 'empty';
                set(index, { ...filter, op, value: keep ? filter.value : op === 'empty' ? 'true' : '' });
              }}
            >
              {opsFor(target).map((op) => (
                <option key={op} value={op}>
                  {t(`work.op.${input === 'date' && (op === 'gte' || op === 'lte') ? `${op}Date` : op}`)}
                </option>
              ))}
            </select>
            <FilterValue
              target={target}
              filter={filter}
              label={label}
              onChange={(value) => set(index, { ...filter, value })}
            />
            <button
              type="button"
              className="btn ghost"
              aria-label={t('work.filter.remove', { field: label })}
              onClick={() => set(index, null)}
            >
              ×
            </button>
          </div>
        );
      })}
    </fieldset>
  );
}
