import { type PageWidgetType, pageWidgetTypes } from '@opora/runtime/definitions';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PaletteItem } from '../components/PaletteItem';
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
  return (
    <PaletteItem
      dragId={`palette:${type}`}
      dragData={{ kind: 'palette', type } satisfies DragData}
      testId={`pd-palette-${type}`}
      label={label}
      detail={t(`pageDesigner.widgets.${type}.description`)}
      dragLabel={t('pageDesigner.dragLabel', { label })}
      addLabel={t('pageDesigner.addLabel', { label })}
      onAdd={() => onAdd(type)}
    />
  );
}
