import { allowedStatusValues, isStatusField } from '@opora/runtime/definitions';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { localText } from '../../lib/local-text';
import { aria, type FieldOf, type WidgetProps } from './widget-props';

/**
 * A choice from a list. A status field (one with a transition model) offers only the moves allowed from the
 * value the record has now, and shows the choice as its coloured badge.
 */
export function EnumWidget(props: WidgetProps<FieldOf<'enum'>>) {
  const { t, i18n } = useTranslation();
  const { field, value, onChange, original, required } = props;
  const allowed = isStatusField(field) ? new Set(allowedStatusValues(field, original)) : null;
  const options = field.options.filter((o) => !allowed || allowed.has(o.value) || o.value === value);
  const chosen = field.options.find((o) => o.value === value);
  return (
    <span className="enum-input">
      <select
        {...aria(props)}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        {(!required || !chosen) && <option value="">{t('work.form.choose')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {localText(o.label, i18n.language)}
          </option>
        ))}
      </select>
      {chosen?.color && <StatusBadge label={localText(chosen.label, i18n.language)} color={chosen.color} />}
    </span>
  );
}
