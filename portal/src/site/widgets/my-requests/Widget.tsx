import { useTranslation } from 'react-i18next';
import { accountPaths } from '../../../account/account-paths';
import { RequestStatus } from '../../../account/RequestStatus';
import { useRequestsRevision } from '../../../account/state/request-events';
import { Link } from '../../../components/Link';
import { AsyncContent, WidgetEmpty, WidgetLoading } from '../../../components/WidgetStates';
import { client } from '../../../lib/api';
import { localText } from '../../../lib/local-text';
import { usePath } from '../../../lib/router';
import { useAsync } from '../../../lib/use-async';
import { useSession } from '../../../state/session';
import { audienceOf } from '../../audience';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The signed-in client's latest requests with their status; visitors are offered to sign in or sign up. */
export function MyRequestsWidget({ config }: WidgetProps<'my-requests'>) {
  const { t, i18n } = useTranslation();
  const who = audienceOf(useSession());
  const path = usePath();
  const title = config.title ? localText(config.title, i18n.language) : t('site.widget.myRequests.title');
  let content = <WidgetLoading />;
  if (who === 'anonymous')
    content = (
      <WidgetEmpty>
        <p>{t('site.widget.myRequests.signIn')}</p>
        <span className="widget-actions">
          <Link to={`/login?next=${encodeURIComponent(path)}`} className="btn primary">
            {t('site.widget.myRequests.signInButton')}
          </Link>
          <Link to={accountPaths.signup} className="btn">
            {t('site.widget.myRequests.signUp')}
          </Link>
        </span>
      </WidgetEmpty>
    );
  else if (who === 'staff') content = <WidgetEmpty>{t('site.widget.myRequests.staff')}</WidgetEmpty>;
  else if (who === 'client') content = <LatestRequests count={config.count ?? 5} />;
  return (
    <WidgetFrame
      type="my-requests"
      title={title}
      aside={who === 'client' && <Link to={accountPaths.home}>{t('site.widget.myRequests.all')}</Link>}
    >
      {content}
    </WidgetFrame>
  );
}

function LatestRequests({ count }: { count: number }) {
  const { t, i18n } = useTranslation();
  const revision = useRequestsRevision();
  const list = useAsync(() => client.portal.myRequests({ limit: count }), [count, revision]);
  return (
    <AsyncContent
      state={list}
      isEmpty={(p) => p.items.length === 0}
      empty={t('site.widget.myRequests.empty')}
    >
      {(page) => (
        <ul className="my-requests compact">
          {page.items.map((r) => (
            <li key={r.id}>
              <Link to={accountPaths.request(r.id)} className="my-request">
                <span className="my-request-number">
                  {t('site.widget.myRequests.number', { number: r.number })}
                </span>
                <span className="my-request-subject">{r.title}</span>
                <span className="my-request-status">
                  <RequestStatus status={r.status} />
                </span>
                <time className="my-request-when muted" dateTime={r.updatedAt}>
                  {new Date(r.updatedAt).toLocaleDateString(i18n.language)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </AsyncContent>
  );
}
