import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../lib/router';
import { useSession } from '../state/session';

/** The client's personal account; requests and notifications fill in as those capabilities land. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  useEffect(() => {
    if (session.status === 'anonymous') navigate('/login', true);
  }, [session.status]);
  if (session.status !== 'signed-in') return null;
  return (
    <section className="section">
      <h1>{t('account.title', { name: session.user.name })}</h1>
      <div className="columns">
        <div className="card">
          <h2>{t('account.requests')}</h2>
          <div className="empty">{t('account.noRequests')}</div>
        </div>
        <div className="card">
          <h2>{t('account.notifications')}</h2>
          <div className="empty">{t('account.noNotifications')}</div>
        </div>
      </div>
    </section>
  );
}
