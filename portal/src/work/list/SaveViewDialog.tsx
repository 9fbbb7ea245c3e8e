import { ApiError } from '@opora/sdk';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Names a view (and whether colleagues see it); the server refuses a name the person already uses. */
export function SaveViewDialog({
  open,
  initial,
  onSave,
  onClose,
}: {
  open: boolean;
  initial: { name: string; shared: boolean };
  onSave(name: string, shared: boolean): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setName(initial.name);
      setShared(initial.shared);
      setError(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, initial]);
  return (
    <dialog ref={dialog} className="dialog" onCancel={onClose} aria-labelledby="save-view-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) {
            setError(t('work.views.nameRequired'));
            return;
          }
          setBusy(true);
          onSave(name.trim(), shared)
            .then(onClose, (e: unknown) =>
              setError(e instanceof ApiError && e.status === 409 ? t('work.views.nameTaken') : String(e)),
            )
            .finally(() => setBusy(false));
        }}
      >
        <h2 id="save-view-title">{t('work.views.saveTitle')}</h2>
        <label>
          {t('work.views.name')}
          <input
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'save-view-error' : undefined}
            data-testid="view-name"
          />
        </label>
        {error && (
          <p className="field-error" id="save-view-error">
            {error}
          </p>
        )}
        <label className="check-line">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          {t('work.views.share')}
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('work.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy} data-testid="view-save">
            {busy ? t('common.wait') : t('work.views.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
