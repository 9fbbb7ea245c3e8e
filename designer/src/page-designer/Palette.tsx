import { useDraggable } from '@dnd-kit/core';
import { type PageWidgetType, pageWidgetTypes } from '@opora/runtime/definitions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DragData } from './drag-drop';

/** On a phone the palette starts folded, so the page itself is on the first screen. */
const narrow = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 760px)').matches;

/** Every widget type with its name and what it does: drag one into a column, or press «+». */
export function Palette({ onAdd }: { onAdd: (type: PageWidgetType) => void }) {
  const { t } = useTranslation();
  const [open] = useState(() => !narrow());
  return (
    <aside className="fd-palette pd-palette" aria-label={t('pageDesigner.palette')}>
      <details open={open}>
        <summary>
          <h3>{t('pageDesigner.palette')}</h3>
        </summary>
        <p className="hint pd-palette-hint">{t('pageDesigner.paletteHint')}</p>
        <ul>
          {pageWidgetTypes.map((type) => (
            <PaletteEntry key={type} type={type} onAdd={onAdd} />
          ))}
        </ul>
      </details>
    </aside>
  );
}

function PaletteEntry({ type, onAdd }: { type: PageWidgetType; onAdd: (type: PageWidgetType) => void }) {
  const { t } = useTranslation();
  const label = t(`pageDesigner.widgets.${type}.name`);
  const description = t(`pageDesigner.widgets.${type}.description`);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `palette:${type}`,
    data: { kind: 'palette', type } satisfies DragData,
  });
  return (
    <li
      className={isDragging ? 'fd-palette-item dragging' : 'fd-palette-item'}
      data-testid={`pd-palette-${type}`}
    >
      <button
        type="button"
        ref={setNodeRef}
        className="fd-grip"
        {...attributes}
        {...listeners}
        aria-label={t('pageDesigner.dragLabel', { label })}
      >
        ⠿
      </button>
      <span className="fd-palette-label" title={description}>
        {label}
        <small>{description}</small>
      </span>
      <button
        type="button"
        className="btn ghost fd-add"
        onClick={() => onAdd(type)}
        aria-label={t('pageDesigner.addLabel', { label })}
        title={t('pageDesigner.addLabel', { label })}
      >
        +
      </button>
    </li>
  );
}
