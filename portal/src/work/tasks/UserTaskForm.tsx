import type { EntityBody, FormBody, Locale } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { FormRenderer } from '../../forms/FormRenderer';
import { createFormModel, type FormModel } from '../../forms/form-model';
import { clockIn, organisationTimeZone } from '../../forms/server-clock';
import { client } from '../../lib/api';
import { useStore } from '../../lib/store';
import { useAsync } from '../../lib/use-async';
import type { TaskPanel } from './task-panel';
import type { TaskDetail } from './task-types';

/** A user task: its published form (filled from the process variables) and «Завершить» or its outcomes. */
export function UserTaskForm({ task, panel }: { task: TaskDetail; panel: TaskPanel }) {
  const { t } = useTranslation();
  const form = useAsync(async () => {
    if (!task.form) return null;
    const [published, timeZone] = await Promise.all([client.getForm(task.form), organisationTimeZone()]);
    const entity = published.entity.body as EntityBody;
    const compiled = compileForm(entity, published.form.body as FormBody);
    return { entityKey: published.entity.key, compiled, timeZone };
  }, [task.form ?? '']);
  const model = useMemo(
    () =>
      form.data ? createFormModel(form.data.compiled, task.variables, clockIn(form.data.timeZone)) : null,
    [form.data, task.variables],
  );
  if (form.status === 'loading') return <Loading />;
  if (form.status === 'failed') return <LoadError error={form.error} onRetry={form.reload} />;
  return (
    <section className="task-form" data-testid="task-form">
      {model && form.data ? (
        <div className="sheet">
          <FormRenderer model={model} mode="edit" entityKey={form.data.entityKey} />
        </div>
      ) : (
        <p className="muted">{t('tasks.panel.noForm')}</p>
      )}
      <CompleteButtons task={task} panel={panel} model={model} />
    </section>
  );
}

function CompleteButtons({
  task,
  panel,
  model,
}: {
  task: TaskDetail;
  panel: TaskPanel;
  model: FormModel | null;
}) {
  const { t, i18n } = useTranslation();
  const { busy } = useStore(panel.store);
  const finish = (outcome?: string) => {
    // The browser's check first: problems go beside their fields and nothing is sent.
    if (model && !model.precheck(i18n.language as Locale)) return;
    void panel.complete({
      ...(outcome ? { outcome } : {}),
      ...(model ? { variables: model.submission() } : {}),
    });
  };
  const outcomes = task.outcomes.length ? task.outcomes : [undefined];
  return (
    <div className="form-actions">
      {outcomes.map((outcome, index) => (
        <button
          key={outcome ?? 'complete'}
          type="button"
          className={index === 0 ? 'btn primary' : 'btn'}
          disabled={busy}
          onClick={() => finish(outcome)}
          data-testid={outcome ? `task-${outcome}` : 'task-complete'}
        >
          {outcome ? t(`tasks.outcome.${outcome}`, { defaultValue: outcome }) : t('tasks.panel.complete')}
        </button>
      ))}
    </div>
  );
}
