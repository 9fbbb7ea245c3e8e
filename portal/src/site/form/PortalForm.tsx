import { applyDefaults, type EntityBody, type FormBody, type Locale } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { ApiError, type PortalFormSubmitResult } from '@opora/sdk';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../../components/WidgetStates';
import { serverProblems } from '../../forms/error-mapping';
import { FormRenderer } from '../../forms/FormRenderer';
import { createFormModel } from '../../forms/form-model';
import { clockIn, organisationTimeZone } from '../../forms/server-clock';
import { usePortalPrefill } from '../../forms/use-portal-prefill';
import { client } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useAsync } from '../../lib/use-async';
import { SubmitConfirmation } from './SubmitConfirmation';

/**
 * The portal form itself, drawn by the same renderer and forms runtime as the staff screens: the browser checks
 * first, the server has the last word and its field problems land next to the fields.
 */
export function PortalForm({ formKey }: { formKey: string }) {
  const { t } = useTranslation();
  const loaded = useAsync(
    () => Promise.all([client.portal.form(formKey), organisationTimeZone()]),
    [formKey],
  );
  if (loaded.status === 'loading') return <WidgetLoading />;
  if (loaded.status === 'failed')
    return loaded.error instanceof ApiError && loaded.error.status === 404 ? (
      <WidgetEmpty>{t('site.form.notFound', { key: formKey })}</WidgetEmpty>
    ) : (
      <WidgetError error={loaded.error} onRetry={loaded.reload} />
    );
  const [published, timeZone] = loaded.data;
  return (
    <FormSession
      key={`${published.form.key}@${published.form.version}`}
      formKey={formKey}
      entityKey={published.entity.key}
      entity={published.entity.body as EntityBody}
      form={published.form.body as FormBody}
      timeZone={timeZone}
    />
  );
}

function FormSession(props: {
  formKey: string;
  entityKey: string;
  entity: EntityBody;
  form: FormBody;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const [sent, setSent] = useState<PortalFormSubmitResult | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round starts an empty form after a send
  const model = useMemo(
    () =>
      createFormModel(
        compileForm(props.entity, props.form),
        applyDefaults(props.entity, {}),
        clockIn(props.timeZone),
      ),
    [props.entity, props.form, props.timeZone, round],
  );
  usePortalPrefill(model);
  const { saving } = useStore(model.store);

  const send = async () => {
    if (model.store.get().saving) return;
    if (!model.precheck(i18n.language as Locale)) return;
    model.setSaving(true);
    try {
      setSent(await client.portal.submitForm(props.formKey, model.submission()));
    } catch (error) {
      model.showProblems(serverProblems(error, model.fieldsShown(), t('site.form.failed')));
    } finally {
      model.setSaving(false);
    }
  };

  if (sent)
    return (
      <SubmitConfirmation
        result={sent}
        onAnother={() => {
          setSent(null);
          setRound((r) => r + 1);
        }}
      />
    );
  return (
    <form
      className="portal-form"
      data-testid="portal-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <FormRenderer model={model} mode="edit" entityKey={props.entityKey} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={saving} data-testid="portal-form-submit">
          {saving ? t('common.wait') : t('site.form.submit')}
        </button>
      </div>
    </form>
  );
}
