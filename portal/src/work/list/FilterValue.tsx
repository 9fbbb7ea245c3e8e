import type { EntityField } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { Chip } from '../../components/Chip';
import { Combobox } from '../../components/Combobox';
import { localText } from '../../lib/local-text';
import { useNames } from '../../records/name-cache';
import { searchPeople, searchRecords } from '../../records/record-search';
import { type FilterSpec, inputFor } from './filter-ops';
import type { BuiltinColumn } from './list-columns';

/** The value editor of one filter, by the field's type: text, number, day, yes/no, options, a record or a person. */
export function FilterValue({
  target,
  filter,
  label,
  onChange,
}: {
  target: EntityField | BuiltinColumn;
  filter: FilterSpec;
  label: string;
  onChange(value: string): void;
}) {
  const { t, i18n } = useTranslation();
  const input = inputFor(target, filter.op);
  const aria = t('work.filter.value', { field: label });
  switch (input) {
    case 'none':
      return null;
    case 'boolean':
      return (
        <select aria-label={aria} value={filter.value} onChange={(e) => onChange(e.target.value)}>
          {filter.op === 'empty' ? (
            <>
              <option value="true">{t('work.filter.isEmpty')}</option>
              <option value="false">{t('work.filter.isFilled')}</option>
            </>
          ) : (
            <>
              <option value="">{t('work.form.choose')}</option>
              <option value="true">{t('work.value.yes')}</option>
              <option value="false">{t('work.value.no')}</option>
            </>
          )}
        </select>
      );
    case 'number':
      return (
        <input
          aria-label={aria}
          inputMode="decimal"
          value={filter.value}
          onChange={(e) => onChange(e.target.value.replace(',', '.'))}
        />
      );
    case 'date':
      return (
        <input
          aria-label={aria}
          type="date"
          value={filter.value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'options': {
      const field = target as Extract<EntityField, { type: 'enum' }>;
      if (filter.op !== 'in')
        return (
          <select aria-label={aria} value={filter.value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('work.form.choose')}</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {localText(o.label, i18n.language)}
              </option>
            ))}
          </select>
        );
      const chosen = new Set(filter.value.split('|').filter(Boolean));
      return (
        <fieldset className="option-checks" aria-label={aria}>
          {field.options.map((o) => (
            <label key={o.value} className="check-line">
              <input
                type="checkbox"
                checked={chosen.has(o.value)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  onChange(
                    field.options
                      .filter((x) => next.has(x.value))
                      .map((x) => x.value)
                      .join('|'),
                  );
                }}
              />
              {localText(o.label, i18n.language)}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'record':
    case 'user':
      return (
        <PickedFilter target={target as EntityField} value={filter.value} label={aria} onChange={onChange} />
      );
    default:
      return <input aria-label={aria} value={filter.value} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** A filter on a linked record or a person: shows the chosen one by name, or a search to choose. */
function PickedFilter({
  target,
  value,
  label,
  onChange,
}: {
  target: EntityField;
  value: string;
  label: string;
  onChange(value: string): void;
}) {
  const relation = target.type === 'relation' ? target.entity : null;
  const names = useNames(
    relation && value ? new Map([[relation, new Set([value])]]) : new Map(),
    !relation && value ? new Set([value]) : new Set(),
  );
  if (value) return <Chip onRemove={() => onChange('')}>{names.get(value) ?? '…'}</Chip>;
  return (
    <Combobox
      placeholder={label}
      search={(text) => (relation ? searchRecords(relation, text) : searchPeople(text))}
      onPick={(option) => onChange(option.id)}
    />
  );
}
