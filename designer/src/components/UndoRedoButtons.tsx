import { useTranslation } from 'react-i18next';

/**
 * The designers' undo and redo buttons (their keys, Ctrl+Z and Ctrl+Shift+Z, are each designer's own, since
 * what has the focus differs). `testIdPrefix` keeps each designer's test ids (`fd-undo`, `td-redo`).
 */
export function UndoRedoButtons({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  testIdPrefix,
  labelClassName,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  testIdPrefix: string;
  /** A class for the words beside the arrows, so a narrow toolbar can hide them. */
  labelClassName?: string;
}) {
  const { t } = useTranslation();
  const button = (
    kind: 'undo' | 'redo',
    enabled: boolean,
    onClick: () => void,
    arrow: string,
    keys: string,
  ) => (
    <button
      type="button"
      className="btn"
      data-testid={`${testIdPrefix}-${kind}`}
      disabled={!enabled}
      onClick={onClick}
      title={keys}
      aria-label={t(`common.${kind}`)}
    >
      {arrow} <span className={labelClassName}>{t(`common.${kind}`)}</span>
    </button>
  );
  return (
    <>
      {button('undo', canUndo, onUndo, '↶', 'Ctrl+Z')}
      {button('redo', canRedo, onRedo, '↷', 'Ctrl+Shift+Z')}
    </>
  );
}
