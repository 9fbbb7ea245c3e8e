import type { EntityBody } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Dropdown } from '../components/Dropdown';
import { columnLabel } from './column-label';
import { listColumns, visibleColumns } from './list-columns';

/** Which columns the list shows: ticks in the type's order; "default" goes back to the type's own choice. */
export function ColumnPicker({
  entity,
  chosen,
  onChange,
}: {
  entity: EntityBody;
  chosen: string[] | null;
  onChange(columns: string[] | null): void;
}) {
  const { t, i18n } = useTranslation();
  const shown = new Set(visibleColumns(entity, chosen).map((c) => c.key));
  const all = listColumns(entity);
  return (
    <Dropdown summary={t('work.list.columns')}>
      {() => (
        <fieldset className="dropdown-panel">
          <legend className="sr-only">{t('work.list.columns')}</legend>
          {all.map((column) => (
            <label key={column.key} className="check-line">
              <input
                type="checkbox"
                checked={shown.has(column.key)}
                onChange={(e) => {
                  const next = new Set(shown);
                  if (e.target.checked) next.add(column.key);
                  else next.delete(column.key);
                  onChange(all.filter((c) => next.has(c.key)).map((c) => c.key));
                }}
              />
              {columnLabel(column, t, i18n.language)}
            </label>
          ))}
          <button type="button" className="btn ghost" onClick={() => onChange(null)}>
            {t('work.list.defaultColumns')}
          </button>
        </fieldset>
      )}
    </Dropdown>
  );
}
