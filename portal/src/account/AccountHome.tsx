import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { kbPaths } from '../kb/kb-paths';
import { accountPaths } from './account-paths';
import { ConfirmEmailBanner } from './ConfirmEmailBanner';
import { MyTasksList } from './MyTasksList';
import { NotificationsPanel } from './NotificationsPanel';
import { RequestsList } from './RequestsList';
import { useClientGate } from './use-client-gate';
import './i18n';
import './account.css';

/** The client's personal account: their tasks, their requests with live status, and their notifications. */
export function AccountHome() {
  const { t } = useTranslation();
  const gate = useClientGate();
  if (gate.kind === 'wait') return null;
  if (gate.kind === 'staff')
    return (
      <section className="section narrow empty">
        <p>{t('myAccount.home.staff')}</p>
        <Link to="/operator" className="btn primary">
          {t('myAccount.home.toWork')}
        </Link>
      </section>
    );
  return (
    <section className="section account" data-testid="account">
      <header className="account-head">
        <h1>{t('myAccount.home.greeting', { name: gate.user.name })}</h1>
        <Link to="/account/password" className="btn ghost">
          {t('myAccount.password.link')}
        </Link>
        <Link to={kbPaths.contact()} className="btn primary">
          + {t('myAccount.home.newRequest')}
        </Link>
      </header>
      <ConfirmEmailBanner />
      <div className="account-grid">
        <section className="card account-card" aria-labelledby="tasks-title" data-testid="my-tasks-section">
          <h2 id="tasks-title">
            <Link to={accountPaths.tasks}>{t('myAccount.tasks.title')}</Link>
          </h2>
          <MyTasksList limit={5} />
        </section>
        <section className="card account-card" aria-labelledby="requests-title">
          <h2 id="requests-title">{t('myAccount.requests.title')}</h2>
          <RequestsList />
        </section>
        <NotificationsPanel />
      </div>
    </section>
  );
}
