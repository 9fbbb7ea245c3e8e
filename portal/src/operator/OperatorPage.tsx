import type { RecordItem } from '@opora/sdk';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestDetail } from '../components/RequestDetail';
import { StatusBadge } from '../components/StatusBadge';
import { navigate } from '../lib/router';
import { isStaff, useSession } from '../state/session';
import { pageSize, type RequestQuery, useRequestList } from '../state/use-request-list';
import { enumField, label, useRequestType } from '../state/use-request-type';
import './i18n';

/** The operator's single window, for staff only: a visitor is sent to sign in before anything is asked for. */
export function OperatorPage() {
  const { t } = useTranslation();
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous')
      navigate(`/login?${new URLSearchParams({ next: '/operator' })}`, true);
  }, [session.status]);
  if (session.status !== 'signed-in') return null;
  if (!isStaff(session.user)) return <p className="empty">{t('operator.staffOnly')}</p>;
  return <Workspace userId={session.user.id} />;
}

/** Queues, the list of requests, the selected request. */
function Workspace({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const entity = useRequestType();
  const [query, setQuery] = useState<RequestQuery>({ q: '', status: '', queue: 'team', offset: 0 });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<RecordItem | null>(null);
  const [cursor, setCursor] = useState(0);
  const { page, counts, hasAssignee } = useRequestList(query, entity, userId);

  useEffect(() => {
    const timer = setTimeout(() => setQuery((q) => ({ ...q, q: search, offset: 0 })), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const statuses = enumField(entity, 'status')?.options ?? [];
  const items = page?.items ?? [];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setCursor((c) => Math.min(items.length - 1, c + 1));
    else if (event.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
    else if (event.key === 'Enter' && items[cursor]) setSelected(items[cursor]);
    else return;
    event.preventDefault();
  };

  return (
    <div className={selected ? 'workspace has-detail' : 'workspace'} data-testid="operator-workspace">
      <aside className="queues" aria-label={t('operator.queues')}>
        <h2>{t('operator.queues')}</h2>
        {(['team', 'mine'] as const).map((queue) => (
          <button
            key={queue}
            type="button"
            data-testid={`queue-${queue}`}
            aria-pressed={query.queue === queue}
            className={query.queue === queue ? 'queue active' : 'queue'}
            onClick={() => setQuery({ ...query, queue, offset: 0 })}
          >
            <span>{t(`operator.queue.${queue}`)}</span>
            <span className="count" data-testid={`queue-count-${queue}`}>
              {counts[queue] ?? '…'}
            </span>
          </button>
        ))}
      </aside>
      <section className="list-pane">
        <div className="list-tools">
          <input
            type="search"
            placeholder={t('operator.searchPlaceholder')}
            aria-label={t('operator.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select
            aria-label={t('operator.status')}
            value={query.status}
            onChange={(e) => setQuery({ ...query, status: e.target.value, offset: 0 })}
          >
            <option value="">{t('operator.openStatuses')}</option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {label(s.label, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        {page && items.length === 0 ? (
          <div className="empty">
            {query.queue === 'team'
              ? t('operator.empty')
              : hasAssignee
                ? t('operator.mineEmpty')
                : t('operator.noAssignee')}
          </div>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the list takes ↑/↓/Enter as a whole, like a listbox
          <ul className="requests" tabIndex={0} onKeyDown={onKey} aria-label={t('operator.requests')}>
            {items.map((r, i) => {
              const status = statuses.find((s) => s.value === r.data.status);
              return (
                <li key={r.id}>
                  <button
                    type="button"
                    data-testid="request-row"
                    className={`request-row${selected?.id === r.id ? ' selected' : ''}${cursor === i ? ' cursor' : ''}`}
                    onClick={() => {
                      setCursor(i);
                      setSelected(r);
                    }}
                  >
                    <span className="num">№{r.number}</span>
                    <span className="subject">{r.title}</span>
                    {status && (
                      <StatusBadge label={label(status.label, i18n.language)} color={status.color} />
                    )}
                    <span className="when muted">
                      {new Date(r.createdAt).toLocaleDateString(i18n.language)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {page && page.total > pageSize && (
          <div className="pager">
            <button
              type="button"
              className="btn"
              disabled={query.offset === 0}
              onClick={() => setQuery({ ...query, offset: query.offset - pageSize })}
            >
              {t('operator.previous')}
            </button>
            <span className="muted">
              {t('operator.range', {
                from: query.offset + 1,
                to: Math.min(query.offset + pageSize, page.total),
                total: page.total,
              })}
            </span>
            <button
              type="button"
              className="btn"
              disabled={query.offset + pageSize >= page.total}
              onClick={() => setQuery({ ...query, offset: query.offset + pageSize })}
            >
              {t('operator.next')}
            </button>
          </div>
        )}
      </section>
      <section className="detail-pane">
        {selected ? (
          <RequestDetail request={selected} entity={entity} onBack={() => setSelected(null)} />
        ) : (
          <div className="empty">{t('operator.pick')}</div>
        )}
      </section>
    </div>
  );
}
