import { useTranslation } from 'react-i18next';
import { aria, type FieldOf, type WidgetProps } from './widget-props';

/** A yes/no field as a checkbox with its answer spelled out beside it. */
export function BooleanWidget(props: WidgetProps<FieldOf<'boolean'>>) {
  const { t } = useTranslation();
  return (
    <span className="checkbox-line">
      <input
        {...aria(props)}
        type="checkbox"
        checked={props.value === true}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span aria-hidden="true">{props.value === true ? t('work.value.yes') : t('work.value.no')}</span>
    </span>
  );
}
