import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty } from '../components/WidgetStates';
import { useDocumentMeta } from '../site/document-meta';
import { accountPaths } from './account-paths';
import { MyTasksList } from './MyTasksList';
import { useClientGate } from './use-client-gate';
import './i18n';
import './account.css';

/** The page of «Мои задачи»: every open task of the client's. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const gate = useClientGate();
  useDocumentMeta(t('myAccount.tasks.title'), null);
  if (gate.kind !== 'client')
    return gate.kind === 'wait' ? null : <WidgetEmpty>{t('myAccount.home.staff')}</WidgetEmpty>;
  return (
    <section className="section account" data-testid="my-tasks-page">
      <nav className="crumbs-line">
        <Link to={accountPaths.home}>← {t('myAccount.request.back')}</Link>
      </nav>
      <h1>{t('myAccount.tasks.title')}</h1>
      <section className="card account-card">
        <MyTasksList />
      </section>
    </section>
  );
}
