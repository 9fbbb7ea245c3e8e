import type { FieldType } from '@opora/runtime/definitions';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Add field" with the types to choose from. Opens below the button, first type focused; arrows move, Esc closes
 * and gives focus back to the button.
 */
export function AddFieldMenu({
  types,
  onAdd,
  label,
  testId = 'add-field',
}: {
  types: readonly FieldType[];
  onAdd: (type: FieldType) => void;
  label: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    }
  };
  return (
    <div className="ed-add">
      <button
        ref={button}
        type="button"
        className="btn primary"
        data-testid={testId}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        + {label}
      </button>
      {open && (
        <div
          ref={menu}
          className="ed-menu"
          role="menu"
          tabIndex={-1}
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
          }}
        >
          {types.map((type) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              data-testid={`${testId}-${type}`}
              onClick={() => {
                onAdd(type);
                setOpen(false);
              }}
            >
              <span className={`ed-type-icon ed-type-${type}`} aria-hidden="true" />
              <span>
                <strong>{t(`entityDesigner.types.${type}`)}</strong>
                <span className="hint">{t(`entityDesigner.typeHints.${type}`)}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
