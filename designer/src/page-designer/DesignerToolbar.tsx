import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import type { EditHistory, EditHistoryState } from '../state/edit-history';
import type { PreviewMode } from './preview-protocol';

const modes: PreviewMode[] = ['off', 'desktop', 'phone'];

/** Undo/redo, the page's own settings, the preview width, and whatever the designer adds (open on portal). */
export function DesignerToolbar<T>({
  store,
  state,
  preview,
  onPreview,
  extra,
}: {
  store: EditHistory<T>;
  state: EditHistoryState<T>;
  preview: PreviewMode;
  onPreview: (mode: PreviewMode) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="toolbar pd-toolbar">
      <UndoRedoButtons
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        onUndo={() => store.undo()}
        onRedo={() => store.redo()}
        testIdPrefix="pd"
      />
      <button
        type="button"
        className="btn"
        data-testid="pd-page-settings-button"
        aria-pressed={state.selected === null}
        onClick={() => store.select(null)}
      >
        <Icon name="settings" className="pd-svg" /> {t('pageDesigner.pageSettings.button')}
      </button>
      {extra}
      <span className="spacer" />
      <span className="pd-preview-switch">
        <span className="hint">{t('pageDesigner.preview.label')}</span>
        <fieldset className="segmented" aria-label={t('pageDesigner.preview.label')}>
          {modes.map((mode) => (
            <button
              key={mode}
              type="button"
              className={preview === mode ? 'btn primary' : 'btn'}
              aria-pressed={preview === mode}
              data-testid={`pd-preview-${mode}`}
              onClick={() => onPreview(mode)}
            >
              {t(`pageDesigner.preview.${mode}`)}
            </button>
          ))}
        </fieldset>
      </span>
    </div>
  );
}
