import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { Field } from './entity-draft';

type Action = 'up' | 'down' | 'copy' | 'remove';

/**
 * The type's fields in order. Each row selects its field; its buttons move it up or down, copy or remove it.
 * After a move the focus follows the field, so the keyboard can keep moving it.
 */
export function FieldList({
  fields,
  selected,
  onSelect,
  onMove,
  onDuplicate,
  onRemove,
  hasProblems,
  testIdPrefix = 'field',
}: {
  fields: readonly Field[];
  selected: number;
  onSelect: (index: number) => void;
  onMove: (index: number, delta: number) => void;
  onDuplicate: (index: number) => void;
  onRemove: (index: number) => void;
  hasProblems: (index: number) => boolean;
  testIdPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<{ index: number; action: Action } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const row = list.current?.querySelector(`[data-index="${focus.index}"]`);
    const button = row?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]:not(:disabled)`);
    (button ?? row?.querySelector<HTMLButtonElement>('button'))?.focus();
    setFocus(null);
  }, [focus]);
  const name = (f: Field) => (i18n.language === 'en' ? f.label?.en : undefined) || f.label?.ru || f.key;

  return (
    <ol ref={list} className="ed-field-list" aria-label={t('entityDesigner.fields.list')}>
      {fields.map((field, i) => (
        <li
          // Keys may repeat while being typed; position is what identifies a row here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          data-index={i}
          data-testid={`${testIdPrefix}-item-${field.key}`}
          className={i === selected ? 'ed-field selected' : 'ed-field'}
        >
          <button
            type="button"
            className="ed-field-main"
            aria-pressed={i === selected}
            onClick={() => onSelect(i)}
          >
            <span className={`ed-type-icon ed-type-${field.type}`} aria-hidden="true" />
            <span className="ed-field-name">
              {name(field)}
              {field.required && (
                <span className="ed-required" title={t('entityDesigner.props.required')}>
                  *
                </span>
              )}
            </span>
            <span className="ed-field-meta">
              {t(`entityDesigner.types.${field.type}`, { defaultValue: field.type })} ·{' '}
              <code>{field.key}</code>
            </span>
            {hasProblems(i) && (
              <span className="ed-problem-dot" role="img" aria-label={t('entityDesigner.fields.hasProblems')}>
                !
              </span>
            )}
          </button>
          <span className="ed-field-actions">
            <RowButton
              action="up"
              label={t('entityDesigner.fields.moveUp', { name: name(field) })}
              disabled={i === 0}
              onClick={() => {
                onMove(i, -1);
                setFocus({ index: i - 1, action: 'up' });
              }}
            >
              <Icon name="up" />
            </RowButton>
            <RowButton
              action="down"
              label={t('entityDesigner.fields.moveDown', { name: name(field) })}
              disabled={i === fields.length - 1}
              onClick={() => {
                onMove(i, 1);
                setFocus({ index: i + 1, action: 'down' });
              }}
            >
              <Icon name="down" />
            </RowButton>
            <RowButton
              action="copy"
              label={t('entityDesigner.fields.duplicate', { name: name(field) })}
              onClick={() => {
                onDuplicate(i);
                setFocus({ index: i + 1, action: 'copy' });
              }}
            >
              <Icon name="copy" />
            </RowButton>
            <RowButton
              action="remove"
              label={t('entityDesigner.fields.remove', { name: name(field) })}
              disabled={fields.length === 1}
              onClick={() => onRemove(i)}
            >
              <Icon name="remove" />
            </RowButton>
          </span>
        </li>
      ))}
    </ol>
  );
}

function RowButton({
  action,
  label,
  disabled,
  onClick,
  children,
}: {
  action: Action;
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="btn ghost ed-icon-btn"
      data-action={action}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
