import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../components/StatusBadge';
import { useStore } from '../lib/store';
import { requestCountsStore } from '../state/request-counts';
import { pageSize, type RequestQuery, useRequestList } from '../state/use-request-list';
import { enumField, label, useRequestType } from '../state/use-request-type';
import { keyOf } from './tabs/tabs';
import { open, tabsStore } from './tabs/window-store';

/**
 * Under the dialogs: the requests of the same queue (the team's open requests, or mine), searchable, a page at a
 * time; a request opens in a tab beside the dialogs.
 */
export function RequestQueue({ queue, userId }: { queue: 'team' | 'mine'; userId: string }) {
  const { t, i18n } = useTranslation();
  const entity = useRequestType();
  const [query, setQuery] = useState<RequestQuery>({ q: '', status: '', queue, offset: 0 });
  const [search, setSearch] = useState('');
  const { page, counts, hasAssignee } = useRequestList(query, entity, userId);
  const { active } = useStore(tabsStore);
  useEffect(() => requestCountsStore.set(counts), [counts]);
  useEffect(() => setQuery((q) => (q.queue === queue ? q : { ...q, queue, offset: 0 })), [queue]);
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((q) => (q.q === search ? q : { ...q, q: search, offset: 0 })),
      250,
    );
    return () => clearTimeout(timer);
  }, [search]);
  const statuses = enumField(entity, 'status')?.options ?? [];
  const items = page?.items ?? [];
  return (
    <section
      className="request-queue"
      aria-label={t(`operatorWindow.requests.${queue}`)}
      data-testid="request-queue"
    >
      <h2 className="queue-heading">{t(`operatorWindow.requests.${queue}`)}</h2>
      <div className="list-tools">
        <input
          type="search"
          placeholder={t('operator.searchPlaceholder')}
          aria-label={t('operator.search')}
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {page && items.length === 0 ? (
        <p className="empty">
          {queue === 'team'
            ? t('operator.empty')
            : hasAssignee
              ? t('operator.mineEmpty')
              : t('operator.noAssignee')}
        </p>
      ) : (
        <ul className="requests">
          {items.map((r) => {
            const status = statuses.find((s) => s.value === r.data.status);
            const title = t('operatorWindow.request', { number: r.number });
            return (
              <li key={r.id}>
                <button
                  type="button"
                  data-testid="request-row"
                  className={`request-row${active === keyOf({ kind: 'request', id: r.id }) ? ' selected' : ''}`}
                  onClick={() => open({ kind: 'request', id: r.id, title })}
                >
                  <span className="num">№{r.number}</span>
                  <span className="subject">{r.title}</span>
                  {status && <StatusBadge label={label(status.label, i18n.language)} color={status.color} />}
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
            className="btn small"
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
            className="btn small"
            disabled={query.offset + pageSize >= page.total}
            onClick={() => setQuery({ ...query, offset: query.offset + pageSize })}
          >
            {t('operator.next')}
          </button>
        </div>
      )}
    </section>
  );
}
