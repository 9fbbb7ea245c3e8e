import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import { client } from '../lib/api';
import { navigate, usePath } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { accountPaths, pageFromAddress } from './account-paths';
import { RequestStatus } from './RequestStatus';
import { useRequestsRevision } from './state/request-events';

const pageSize = 10;

/** «Мои обращения»: newest activity first, page by page (the page is in the address); live changes reload it. */
export function RequestsList() {
  const { t, i18n } = useTranslation();
  const page = pageFromAddress(usePath());
  const revision = useRequestsRevision();
  const list = useAsync(
    () => client.portal.myRequests({ limit: pageSize, offset: (page - 1) * pageSize }),
    [page, revision],
  );
  if (list.status === 'loading') return <WidgetLoading />;
  if (list.status === 'failed') return <WidgetError error={list.error} onRetry={list.reload} />;
  const { items, total } = list.data;
  if (total === 0) return <WidgetEmpty>{t('myAccount.requests.empty')}</WidgetEmpty>;
  const from = (page - 1) * pageSize + 1;
  return (
    <>
      <ul className="my-requests" data-testid="my-requests">
        {items.map((r) => (
          <li key={r.id}>
            <Link to={accountPaths.request(r.id)} className="my-request">
              <span className="my-request-number">
                {t('myAccount.requests.number', { number: r.number })}
              </span>
              <span className="my-request-subject">{r.title}</span>
              <span className="my-request-status" data-testid="my-request-status">
                <RequestStatus status={r.status} />
              </span>
              <time className="my-request-when muted" dateTime={r.updatedAt}>
                {t('myAccount.requests.updated', {
                  when: new Date(r.updatedAt).toLocaleString(i18n.language, {
                    dateStyle: 'short',
                    timeStyle: 'short',
                  }),
                })}
              </time>
            </Link>
          </li>
        ))}
      </ul>
      {total > pageSize && (
        <nav className="account-pager" aria-label={t('myAccount.requests.title')}>
          <button
            type="button"
            className="btn"
            disabled={page <= 1}
            onClick={() => navigate(accountPaths.requests(page - 1))}
          >
            {t('myAccount.requests.previous')}
          </button>
          <span className="muted">
            {t('myAccount.requests.range', { from, to: Math.min(from + pageSize - 1, total), total })}
          </span>
          <button
            type="button"
            className="btn"
            disabled={from + pageSize > total}
            onClick={() => navigate(accountPaths.requests(page + 1))}
          >
            {t('myAccount.requests.next')}
          </button>
        </nav>
      )}
    </>
  );
}
