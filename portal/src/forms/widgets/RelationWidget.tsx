import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useNames } from '../../records/name-cache';
import { cardPath } from '../../records/record-paths';
import { searchRecords } from '../../records/record-search';
import { idsOf, Picker } from './Picker';
import type { FieldOf, WidgetProps } from './widget-props';

/** A link to records of another type, picked by searching them; each chosen record opens in its card. */
export function RelationWidget(props: WidgetProps<FieldOf<'relation'>>) {
  const { t } = useTranslation();
  const { field, value, onChange } = props;
  const chosen = idsOf(value);
  const names = useNames(new Map([[field.entity, new Set(chosen)]]), new Set());
  return (
    <Picker
      value={value}
      many={Boolean(field.many)}
      onChange={onChange}
      show={(id) => <Link to={cardPath(field.entity, id)}>{names.get(id) ?? '…'}</Link>}
      search={(text) => searchRecords(field.entity, text)}
      placeholder={!field.many && chosen.length ? t('work.picker.change') : undefined}
      id={props.id}
      describedBy={props.describedBy}
      invalid={props.invalid}
    />
  );
}
