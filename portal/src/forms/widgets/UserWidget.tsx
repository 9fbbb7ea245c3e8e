import { useTranslation } from 'react-i18next';
import { useNames } from '../../records/name-cache';
import { searchPeople } from '../../records/record-search';
import { idsOf, Picker } from './Picker';
import type { FieldOf, WidgetProps } from './widget-props';

/** A colleague (or several), picked by name. */
export function UserWidget(props: WidgetProps<FieldOf<'user'>>) {
  const { t } = useTranslation();
  const { field, value, onChange } = props;
  const chosen = idsOf(value);
  const names = useNames(new Map(), new Set(chosen));
  return (
    <Picker
      value={value}
      many={Boolean(field.multiple)}
      onChange={onChange}
      show={(id) => names.get(id) ?? '…'}
      search={searchPeople}
      placeholder={!field.multiple && chosen.length ? t('work.picker.change') : t('work.picker.person')}
      id={props.id}
      describedBy={props.describedBy}
      invalid={props.invalid}
    />
  );
}
