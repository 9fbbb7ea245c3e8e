import type { EntityBody, FormBody, Locale } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { ApiError } from '@opora/sdk';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import { FormRenderer } from '../forms/FormRenderer';
import { createFormModel, type FormModel } from '../forms/form-model';
import { clockIn, organisationTimeZone } from '../forms/server-clock';
import { useAsync } from '../lib/use-async';
import { useDocumentMeta } from '../site/document-meta';
import { accountPaths } from './account-paths';
import { DueText } from './MyTasksList';
import { requestLinkOf } from './my-task-view';
import { type MyTaskDetail, myTasksApi } from './my-tasks-api';
import { useClientGate } from './use-client-gate';
import './i18n';
import './account.css';

const missing = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

/** One of the client's tasks: what it is, the request it is about, and its form; «Отправить» completes it. */
export function MyTaskPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const gate = useClientGate();
  const detail = useAsync(
    () => (gate.kind === 'client' ? myTasksApi.get(id) : new Promise<never>(() => undefined)),
    [id, gate.kind],
  );
  if (gate.kind !== 'client')
    return gate.kind === 'wait' ? null : <WidgetEmpty>{t('myAccount.home.staff')}</WidgetEmpty>;
  return (
    <section className="section account my-task-page" data-testid="my-task-page">
      <nav className="crumbs-line">
        <Link to={accountPaths.tasks}>← {t('myAccount.tasks.back')}</Link>
      </nav>
      {detail.status === 'loading' && <WidgetLoading />}
      {detail.status === 'failed' &&
        (missing(detail.error) ? (
          <WidgetEmpty>{t('myAccount.tasks.notFound')}</WidgetEmpty>
        ) : (
          <WidgetError error={detail.error} onRetry={detail.reload} />
        ))}
      {detail.status === 'ready' && <TaskBody task={detail.data} onDone={detail.reload} />}
    </section>
  );
}

function TaskBody({ task, onDone }: { task: MyTaskDetail; onDone: () => void }) {
  const { t } = useTranslation();
  useDocumentMeta(task.title, null);
  const request = requestLinkOf(task);
  return (
    <article className="card account-card">
      <h1>{task.title}</h1>
      <p className="muted">{task.processName}</p>
      <p>
        <DueText task={task} />
      </p>
      {request && (
        <p>
          {t('myAccount.tasks.about')}{' '}
          <Link to={request.to} data-testid="my-task-request">
            {request.title || t('myAccount.tasks.request')}
          </Link>
        </p>
      )}
      {task.status === 'open' ? (
        <TaskForm task={task} onDone={onDone} />
      ) : (
        <p className="my-task-closed" role="status" data-testid="my-task-done">
          {t(task.status === 'completed' ? 'myAccount.tasks.sent' : 'myAccount.tasks.cancelled')}
        </p>
      )}
    </article>
  );
}

/**
 * The task's published form, opened with what the process holds for its own fields (a revision shows what the
 * client sent; the process's other data stays with staff), and «Отправить».
 */
function TaskForm({ task, onDone }: { task: MyTaskDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const form = useAsync(async () => {
    if (!task.form) return null;
    const [published, timeZone] = await Promise.all([myTasksApi.form(task.id), organisationTimeZone()]);
    const compiled = compileForm(published.entity.body as EntityBody, published.form.body as FormBody);
    return { entityKey: published.entity.key, compiled, timeZone, values: published.values };
  }, [task.id, task.form ?? '']);
  const model = useMemo<FormModel | null>(
    () =>
      form.data ? createFormModel(form.data.compiled, form.data.values, clockIn(form.data.timeZone)) : null,
    [form.data],
  );
  if (form.status === 'loading') return <WidgetLoading />;
  if (form.status === 'failed') return <WidgetError error={form.error} onRetry={form.reload} />;
  const send = async () => {
    // The browser's check first: problems go beside their fields and nothing is sent.
    if (model && !model.precheck(i18n.language as Locale)) return;
    setSending(true);
    setFailed(false);
    try {
      await myTasksApi.complete(task.id, model ? { variables: model.submission() } : {});
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onDone();
      else setFailed(true);
    } finally {
      setSending(false);
    }
  };
  return (
    <section className="my-task-form" data-testid="my-task-form">
      {model && form.data ? (
        <FormRenderer model={model} mode="edit" entityKey={form.data.entityKey} />
      ) : (
        <p className="muted">{t('myAccount.tasks.noForm')}</p>
      )}
      {failed && (
        <p className="error" role="alert">
          {t('myAccount.tasks.failed')}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn primary"
          disabled={sending}
          onClick={() => void send()}
          data-testid="my-task-send"
        >
          {t('myAccount.tasks.send')}
        </button>
      </div>
    </section>
  );
}
