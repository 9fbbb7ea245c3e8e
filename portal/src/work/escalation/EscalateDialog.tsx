import { applyDefaults, type Locale } from '@opora/runtime/definitions';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { serverProblems } from '../../forms/error-mapping';
import { FormRenderer } from '../../forms/FormRenderer';
import { createFormModel } from '../../forms/form-model';
import { clockIn } from '../../forms/server-clock';
import { useStore } from '../../lib/store';
import type { ScreenForm } from '../state/screen-form';
import { useScreenForm } from '../state/use-screen-form';
import { type EscalatedRequest, type EscalationState, escalationApi } from './escalation-api';
import './i18n';

const purposes = ['create', 'edit'] as const;

/**
 * The request type's own create form (as the work screens show it), opened in a dialog over the conversation and
 * prefilled by the server: the subject, the transcript as the description, the client. Saved, the request is
 * created with the dialog's files and linked to it; a field the server refuses shows its problem in place.
 */
export function EscalateDialog({
  conversationId,
  draft,
  onDone,
  onCancel,
}: {
  conversationId: string;
  draft: NonNullable<EscalationState['draft']>;
  onDone(request: EscalatedRequest): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const loaded = useScreenForm(draft.entity, purposes);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog escalate-dialog"
      onCancel={onCancel}
      aria-labelledby="escalate-title"
      data-testid="escalate-dialog"
    >
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === 'ready' && (
        <EscalateForm
          conversationId={conversationId}
          draft={draft}
          screen={loaded.data.screen}
          timeZone={loaded.data.timeZone}
          onDone={onDone}
          onCancel={onCancel}
        />
      )}
    </dialog>
  );
}

function EscalateForm({
  conversationId,
  draft,
  screen,
  timeZone,
  onDone,
  onCancel,
}: {
  conversationId: string;
  draft: NonNullable<EscalationState['draft']>;
  screen: ScreenForm;
  timeZone: string;
  onDone(request: EscalatedRequest): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const model = useMemo(() => {
    // The draft's fields the form does not show (the client, a defaulted status) are kept as existing values.
    const initial = applyDefaults(screen.entity, draft.data);
    return createFormModel(screen.compiled, initial, clockIn(timeZone), initial);
  }, [screen, timeZone, draft]);
  const { saving } = useStore(model.store);
  const save = async () => {
    const prepared = model.precheck(i18n.language as Locale);
    if (!prepared) return;
    model.setSaving(true);
    try {
      onDone(await escalationApi.escalate(conversationId, prepared.data));
    } catch (error) {
      model.showProblems(serverProblems(error, model.fieldsShown(), t('escalation.failed')));
    } finally {
      model.setSaving(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="escalate-title">{t('escalation.title')}</h2>
      <p className="muted">{t('escalation.hint', { count: draft.attachments })}</p>
      <div className="escalate-fields">
        <FormRenderer model={model} mode="edit" entityKey={screen.entityKey} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('escalation.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={saving} data-testid="escalate-create">
          {saving ? t('common.wait') : t('escalation.create')}
        </button>
      </div>
    </form>
  );
}
