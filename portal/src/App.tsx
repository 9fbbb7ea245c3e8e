import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { accountRoutes } from './account/routes';
import { useClientLive } from './account/state/use-client-live';
import { useSiteChat } from './chat/use-site-chat';
import { Footer } from './chrome/Footer';
import { Header } from './chrome/Header';
import { RatePage } from './csat/RatePage';
import { kbRoutes } from './kb/routes';
import { matchPath, usePath } from './lib/router';
import { AccountPage } from './pages/AccountPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SearchPage } from './pages/SearchPage';
import { AnnouncementBanner } from './site/announcements/AnnouncementBanner';
import { siteRoutes } from './site/routes';
import { SitePage } from './site/SitePage';
import { loadSite } from './site/state/site-store';
import { loadSession } from './state/session';

// Staff screens (the operator's window, the work screens and their bar) load on first use: visitors of the public
// portal never download them. `tests/integration/portal-bundle.test.ts` checks the home page's files.
const OperatorPage = lazy(() => import('./operator/OperatorPage').then((m) => ({ default: m.OperatorPage })));
const WorkPage = lazy(() => import('./work/WorkPage').then((m) => ({ default: m.WorkPage })));
const ConversationsPage = lazy(() =>
  import('./work/conversations/ConversationsPage').then((m) => ({ default: m.ConversationsPage })),
);
const SupervisorPage = lazy(() =>
  import('./supervisor/SupervisorPage').then((m) => ({ default: m.SupervisorPage })),
);
const WorkBar = lazy(() => import('./work/WorkBar').then((m) => ({ default: m.WorkBar })));
const staff = (page: ReactNode) => <Suspense fallback={null}>{page}</Suspense>;
const work = () => staff(<WorkPage />);

const routes: [string, () => ReactNode][] = [
  ['/', () => <HomePage />],
  ['/search', () => <SearchPage />],
  ...kbRoutes,
  ['/login', () => <LoginPage />],
  ['/account', () => <AccountPage />],
  ...accountRoutes,
  ['/csat/:token', () => <RatePage />],
  ...siteRoutes,
  ['/operator', () => staff(<OperatorPage />)],
  ['/operator/conversations', () => staff(<ConversationsPage />)],
  ['/operator/conversations/:id', () => staff(<ConversationsPage />)],
  ['/supervisor', () => staff(<SupervisorPage />)],
  ['/work', work],
  ['/work/:entity', work],
  ['/work/:entity/:id', work],
];

export function App() {
  const path = usePath();
  useEffect(() => {
    void loadSession();
    void loadSite();
  }, []);
  useClientLive();
  const page = routes.find(([pattern]) => matchPath(pattern, path))?.[1]() ?? (
    // Any other address may be a published portal page; the 404 page only when it is not.
    <SitePage key={path.split('?')[0]} path={path.split('?')[0] ?? path} fallback={<NotFoundPage />} />
  );
  const wide = path.startsWith('/operator') || path.startsWith('/work') || path.startsWith('/supervisor');
  useSiteChat(wide || path.startsWith('/preview/'));
  return (
    <div className="portal">
      <Header />
      {!path.startsWith('/preview/') && <AnnouncementBanner />}
      {wide && staff(<WorkBar />)}
      <main className={wide ? 'main wide' : 'main'}>{page}</main>
      {!wide && <Footer />}
    </div>
  );
}
