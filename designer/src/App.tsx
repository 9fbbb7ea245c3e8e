import type { Role } from '@opora/sdk';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { knowledgeBaseRoutes } from './knowledge-base/kb-routes';
import { isKind } from './lib/kinds';
import { matchPath, navigate, usePath } from './lib/router';
import { DefinitionEditorPage } from './pages/DefinitionEditorPage';
import { DefinitionListPage } from './pages/DefinitionListPage';
import { ImportExportPage } from './pages/ImportExportPage';
import { LoginPage } from './pages/LoginPage';
import { NewDefinitionPage } from './pages/NewDefinitionPage';
import { ScriptRunsPage } from './pages/ScriptRunsPage';
import { SecretsPage } from './pages/SecretsPage';
import { TokensPage } from './pages/TokensPage';
import { UsersPage } from './pages/UsersPage';
import { loadSession, useSession } from './state/session';

export function App() {
  const session = useSession();
  const { t } = useTranslation();
  useEffect(() => {
    void loadSession();
  }, []);
  if (session.status === 'loading') return <div className="splash">{t('common.loading')}</div>;
  if (session.status === 'anonymous') return <LoginPage />;
  return (
    <Layout user={session.user}>
      <Routes roles={session.user.roles} />
    </Layout>
  );
}

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

const routes: Route[] = [
  ['/d/:kind/new', (p) => isKind(p.kind!) && <NewDefinitionPage kind={p.kind} />],
  ['/d/:kind/:id', (p) => isKind(p.kind!) && <DefinitionEditorPage key={p.id} kind={p.kind} id={p.id!} />],
  ['/d/:kind', (p) => isKind(p.kind!) && <DefinitionListPage key={p.kind} kind={p.kind} />],
  ['/bundles', () => <ImportExportPage />],
  ['/tokens', () => <TokensPage />],
];

/** Screens beyond the definitions, each open to the roles the server lets through. */
function roleRoutes(roles: readonly Role[]): Route[] {
  const has = (...any: Role[]) => any.some((role) => roles.includes(role));
  const isAdmin = has('admin');
  const table: Route[] = [];
  if (has('admin', 'developer')) table.push(['/secrets', () => <SecretsPage canEdit={isAdmin} />]);
  if (has('admin', 'developer', 'supervisor')) table.push(['/script-runs', () => <ScriptRunsPage />]);
  if (isAdmin) table.push(['/users', () => <UsersPage />]);
  return table;
}

function Routes({ roles }: { roles: readonly Role[] }) {
  const path = usePath();
  const { t } = useTranslation();
  const table: Route[] = [...routes, ...roleRoutes(roles), ...knowledgeBaseRoutes(roles)];
  for (const [pattern, render] of table) {
    const params = matchPath(pattern, path);
    const page = params && render(params);
    if (page) return page;
  }
  if (path === '/' || path === '') {
    queueMicrotask(() => navigate('/d/entity'));
    return null;
  }
  return (
    <div className="page">
      <h1>{t('common.notFound')}</h1>
      <button type="button" className="btn" onClick={() => navigate('/d/entity')}>
        {t('common.toStart')}
      </button>
    </div>
  );
}
