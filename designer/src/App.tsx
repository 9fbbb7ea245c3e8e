import type { Role } from '@opora/sdk';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout';
import { knowledgeBaseRoutes } from './knowledge-base/kb-routes';
import { homePath, mayUseTool, refusedPage } from './lib/access';
import { isKind } from './lib/kinds';
import { matchPath, navigate, usePath } from './lib/router';
import { DefinitionEditorPage } from './pages/DefinitionEditorPage';
import { DefinitionListPage } from './pages/DefinitionListPage';
import { ForbiddenPage } from './pages/ForbiddenPage';
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
  const table: Route[] = [];
  if (mayUseTool(roles, 'secrets'))
    table.push(['/secrets', () => <SecretsPage canEdit={roles.includes('admin')} />]);
  if (mayUseTool(roles, 'scriptRuns')) table.push(['/script-runs', () => <ScriptRunsPage />]);
  if (mayUseTool(roles, 'users')) table.push(['/users', () => <UsersPage />]);
  return table;
}

function Routes({ roles }: { roles: readonly Role[] }) {
  const path = usePath();
  const { t } = useTranslation();
  // A page of another role, opened by its address, says so instead of failing on the server's refusal.
  const allowed = refusedPage(path, roles);
  if (allowed) return <ForbiddenPage allowed={allowed} roles={roles} />;
  const table: Route[] = [...routes, ...roleRoutes(roles), ...knowledgeBaseRoutes(roles)];
  for (const [pattern, render] of table) {
    const params = matchPath(pattern, path);
    const page = params && render(params);
    if (page) return page;
  }
  if (path === '/' || path === '') {
    queueMicrotask(() => navigate(homePath(roles)));
    return null;
  }
  return (
    <div className="page">
      <h1>{t('common.notFound')}</h1>
      <button type="button" className="btn" onClick={() => navigate(homePath(roles))}>
        {t('common.toStart')}
      </button>
    </div>
  );
}
