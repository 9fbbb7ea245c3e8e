import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/Link';
import { Chip } from '../../components/Chip';
import { Combobox } from '../../components/Combobox';
import { useNames } from '../../values/name-cache';
import { cardPath } from '../../work-paths';
import { searchRecords } from './record-search';
import type { FieldOf, WidgetProps } from './widget-props';

export const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter((v): v is string => typeof v === 'string');

/** A link to records of another type, picked by searching them; each chosen record opens in its card. */
export function RelationWidget(props: WidgetProps<FieldOf<'relation'>>) {
  const { t } = useTranslation();
  const { field, value, onChange } = props;
  const chosen = idsOf(value);
  const names = useNames(new Map([[field.entity, new Set(chosen)]]), new Set());
  return (
    <div className="picker">
      {chosen.length > 0 && (
        <span className="chips">
          {chosen.map((id) => (
            <Chip
              key={id}
              onRemove={() => {
                const rest = chosen.filter((x) => x !== id);
                onChange(field.many && rest.length ? rest : undefined);
              }}
            >
              <Link to={cardPath(field.entity, id)}>{names.get(id) ?? '…'}</Link>
            </Chip>
          ))}
        </span>
      )}
      <Combobox
        id={props.id}
        describedBy={props.describedBy}
        invalid={props.invalid}
        placeholder={!field.many && chosen.length ? t('work.picker.change') : undefined}
        search={(text) => searchRecords(field.entity, text)}
        onPick={(option) =>
          onChange(field.many ? [...chosen.filter((x) => x !== option.id), option.id] : option.id)
        }
      />
    </div>
  );
}
