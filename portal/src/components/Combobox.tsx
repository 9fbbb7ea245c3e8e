import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ComboOption {
  id: string;
  label: string;
  hint?: string;
}

/**
 * A search box with a list of matches, operated from the keyboard like a native select (↑/↓, Enter, Escape),
 * announced to screen readers as a combobox. Used by record and user pickers and their list filters.
 */
export function Combobox({
  id,
  describedBy,
  invalid,
  placeholder,
  search,
  onPick,
}: {
  id?: string;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  search(text: string): Promise<ComboOption[]>;
  onPick(option: ComboOption): void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ComboOption[] | null>(null);
  const [active, setActive] = useState(0);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setOptions(null);
    const timer = setTimeout(() => {
      searchRef.current(text).then(
        (found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
        },
        () => live && setOptions([]),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open]);

  const pick = (option: ComboOption | undefined) => {
    if (!option) return;
    onPick(option);
    setText('');
    setOpen(false);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options?.length ?? 0;
    if (event.key === 'ArrowDown') {
      setOpen(true);
      setActive((a) => Math.min(count - 1, a + 1));
    } else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter' && open && options?.[active]) pick(options[active]);
    else if (event.key === 'Escape' && open) setOpen(false);
    else return;
    event.preventDefault();
  };

  return (
    <div className="combobox">
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options?.[active] ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={placeholder ?? t('work.picker.search')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      {open && (
        <div className="combobox-list" id={listId} role="listbox">
          {options === null && <div className="muted">{t('work.loading')}</div>}
          {options?.length === 0 && <div className="muted">{t('work.picker.nothing')}</div>}
          {options?.map((option, i) => (
            <div
              key={option.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(option);
              }}
            >
              <span>{option.label}</span>
              {option.hint && <span className="muted"> {option.hint}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
