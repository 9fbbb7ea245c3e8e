import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A small modal form (Enter submits, Esc or «Отмена» closes) for the editor's link and video questions. */
export function DialogShell({
  title,
  testId,
  submitLabel,
  onSubmit,
  onCancel,
  extraActions,
  children,
}: {
  title: string;
  testId: string;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog ref={ref} className="dialog kb-dialog" data-testid={testId} onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <h2>{title}</h2>
        {children}
        <div className="actions">
          {extraActions}
          <span className="spacer" />
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn primary" data-testid={`${testId}-submit`}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
