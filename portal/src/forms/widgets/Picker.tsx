import type { ReactNode } from 'react';
import { Chip } from '../../components/Chip';
import { Combobox, type ComboOption } from '../../components/Combobox';

export const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter((v): v is string => typeof v === 'string');

/**
 * Ids picked by searching (records of a type, colleagues): the chosen ones as removable chips, a search box to
 * add (one field) or replace (single) a choice. The value is an id, an array of ids when `many`, or undefined.
 */
export function Picker({
  value,
  many,
  onChange,
  show,
  search,
  placeholder,
  id,
  describedBy,
  invalid,
}: {
  value: unknown;
  many: boolean;
  onChange: (value: unknown) => void;
  /** How a chosen id looks in its chip. */
  show: (id: string) => ReactNode;
  search: (text: string) => Promise<ComboOption[]>;
  placeholder?: string;
  id?: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const chosen = idsOf(value);
  return (
    <div className="picker">
      {chosen.length > 0 && (
        <span className="chips">
          {chosen.map((chosenId) => (
            <Chip
              key={chosenId}
              onRemove={() => {
                const rest = chosen.filter((x) => x !== chosenId);
                onChange(many && rest.length ? rest : undefined);
              }}
            >
              {show(chosenId)}
            </Chip>
          ))}
        </span>
      )}
      <Combobox
        id={id}
        describedBy={describedBy}
        invalid={invalid}
        placeholder={placeholder}
        search={search}
        onPick={(option) =>
          onChange(many ? [...chosen.filter((x) => x !== option.id), option.id] : option.id)
        }
      />
    </div>
  );
}
