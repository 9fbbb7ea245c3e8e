import type { EntityBody } from '@opora/runtime/definitions';
import { ApiError } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { useAsync } from '../lib/use-async';
import { useDocumentMeta } from '../site/document-meta';
import { accountPaths } from './account-paths';
import { HistoryTimeline } from './HistoryTimeline';
import { RequestStatus } from './RequestStatus';
import { RequestThread } from './RequestThread';
import { requestFields } from './request-fields';
import { markNotificationsRead, useNotifications } from './state/notifications';
import { useRequestsRevision } from './state/request-events';
import { useClientGate } from './use-client-gate';
import './i18n';
import './account.css';

/** One of the client's requests: its status, what they wrote, and the history of changes; live like the list. */
export function RequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const gate = useClientGate();
  const revision = useRequestsRevision();
  // Asked only once the session is known to be a client's (a visitor is on the way to the sign-in page).
  const detail = useAsync(
    () => (gate.kind === 'client' ? client.portal.myRequest(id) : new Promise<never>(() => undefined)),
    [id, revision, gate.kind],
  );
  if (gate.kind !== 'client')
    return gate.kind === 'wait' ? null : <WidgetEmpty>{t('myAccount.home.staff')}</WidgetEmpty>;
  return (
    <section className="section account request-page" data-testid="my-request">
      <nav className="crumbs-line">
        <Link to={accountPaths.home}>← {t('myAccount.request.back')}</Link>
      </nav>
      {detail.status === 'loading' && <WidgetLoading />}
      {detail.status === 'failed' &&
        (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403) ? (
          <WidgetEmpty>{t('myAccount.request.notFound')}</WidgetEmpty>
        ) : (
          <WidgetError error={detail.error} onRetry={detail.reload} />
        ))}
      {detail.status === 'ready' && <RequestBody request={detail.data} />}
    </section>
  );
}

function RequestBody({ request }: { request: Awaited<ReturnType<typeof client.portal.myRequest>> }) {
  const { t, i18n } = useTranslation();
  const entity = (request.entity as EntityBody | null) ?? null;
  useDocumentMeta(`${t('myAccount.requests.number', { number: request.number })} · ${request.title}`, null);
  useReadOnOpen(request.id);
  const fields = requestFields(entity, request.record.data, [entity?.titleField ?? 'subject', 'status'], {
    locale: i18n.language,
    yes: t('myAccount.request.yes'),
    no: t('myAccount.request.no'),
    rows: (count) => t('myAccount.request.rows', { count }),
    names: new Map(),
  });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <header className="request-head">
        <p className="muted">
          {t('myAccount.requests.number', { number: request.number })} ·{' '}
          {t('myAccount.request.created', { when: when(request.createdAt) })}
        </p>
        <h1>{request.title}</h1>
        <div data-testid="my-request-status">
          <RequestStatus status={request.status} />
        </div>
      </header>
      <div className="account-grid">
        <section className="card account-card" aria-labelledby="request-fields">
          <h2 id="request-fields">{t('myAccount.request.fields')}</h2>
          <dl className="request-fields">
            {fields.map((f) => (
              <div key={f.key} className={f.long ? 'wide' : undefined}>
                <dt>{localText(f.label, i18n.language)}</dt>
                <dd className={f.long ? 'long-text' : undefined}>{f.text}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card account-card" aria-labelledby="request-history">
          <h2 id="request-history">{t('myAccount.request.history')}</h2>
          <HistoryTimeline entries={request.history} />
        </section>
      </div>
      <RequestThread requestId={request.id} />
    </>
  );
}

/** Opening the request answers its unread notifications: they are marked read. */
function useReadOnOpen(id: string): void {
  const { items } = useNotifications();
  const path = accountPaths.request(id);
  const unread = items.filter((n) => !n.readAt && n.link === path).map((n) => n.id);
  const key = unread.join();
  useEffect(() => {
    if (key) void markNotificationsRead(key.split(','));
  }, [key]);
}
