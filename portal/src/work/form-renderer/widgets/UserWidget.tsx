import { useTranslation } from 'react-i18next';
import { Chip } from '../../components/Chip';
import { Combobox } from '../../components/Combobox';
import { useNames } from '../../values/name-cache';
import { idsOf } from './RelationWidget';
import { searchPeople } from './record-search';
import type { FieldOf, WidgetProps } from './widget-props';

/** A colleague (or several), picked by name. */
export function UserWidget(props: WidgetProps<FieldOf<'user'>>) {
  const { t } = useTranslation();
  const { field, value, onChange } = props;
  const chosen = idsOf(value);
  const names = useNames(new Map(), new Set(chosen));
  return (
    <div className="picker">
      {chosen.length > 0 && (
        <span className="chips">
          {chosen.map((id) => (
            <Chip
              key={id}
              onRemove={() => {
                const rest = chosen.filter((x) => x !== id);
                onChange(field.multiple && rest.length ? rest : undefined);
              }}
            >
              {names.get(id) ?? '…'}
            </Chip>
          ))}
        </span>
      )}
      <Combobox
        id={props.id}
        describedBy={props.describedBy}
        invalid={props.invalid}
        placeholder={!field.multiple && chosen.length ? t('work.picker.change') : t('work.picker.person')}
        search={searchPeople}
        onPick={(option) =>
          onChange(field.multiple ? [...chosen.filter((x) => x !== option.id), option.id] : option.id)
        }
      />
    </div>
  );
}
