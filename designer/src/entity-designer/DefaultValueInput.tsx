import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from '../components/Messages';
import type { Field } from './entity-draft';

/** Types whose value the designer can type in: a default, or the value a migration rule fills in. */
export const typedValueTypes = new Set([
  'string',
  'text',
  'email',
  'phone',
  'url',
  'number',
  'money',
  'boolean',
  'enum',
  'date',
  'datetime',
]);

/** One value of the field, in the input its type calls for; undefined means "none". */
export function ValueInput({
  field,
  value,
  onChange,
  label,
  problems = [],
  testId,
}: {
  field: Field;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  problems?: readonly string[];
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inputId = useId();
  const common = {
    id: inputId,
    'data-testid': testId,
    'aria-invalid': problems.length > 0,
    'aria-describedby': problems.length ? id : undefined,
  };
  let input: React.ReactNode;
  switch (field.type) {
    case 'boolean':
      input = (
        <select
          {...common}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
        >
          <option value="">{t('entityDesigner.value.none')}</option>
          <option value="yes">{t('entityDesigner.value.yes')}</option>
          <option value="no">{t('entityDesigner.value.no')}</option>
        </select>
      );
      break;
    case 'enum':
      input = (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{t('entityDesigner.value.none')}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {(i18n.language === 'en' ? o.label?.en : undefined) || o.label?.ru || o.value}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
    case 'money':
      input = (
        <input
          {...common}
          type="number"
          step="any"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
    default:
      input = (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : 'text'}
          placeholder={field.type === 'datetime' ? '2026-01-31T09:00:00Z' : undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        />
      );
  }
  return (
    <label htmlFor={inputId}>
      {label}
      {input}
      <Messages messages={problems} id={id} />
    </label>
  );
}
