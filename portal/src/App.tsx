import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { matchPath, usePath } from './lib/router';
import { AccountPage } from './pages/AccountPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OperatorPage } from './pages/OperatorPage';
import { SearchPage } from './pages/SearchPage';
import { loadSession } from './state/session';
import { WorkBar } from './work/WorkBar';

// Staff screens load on first use: visitors of the public portal never download the forms runtime.
const WorkPage = lazy(() => import('./work/WorkPage').then((m) => ({ default: m.WorkPage })));
const work = () => (
  <Suspense fallback={null}>
    <WorkPage />
  </Suspense>
);

const routes: [string, () => ReactNode][] = [
  ['/', () => <HomePage />],
  ['/search', () => <SearchPage />],
  ['/login', () => <LoginPage />],
  ['/account', () => <AccountPage />],
  ['/operator', () => <OperatorPage />],
  ['/work', work],
  ['/work/:entity', work],
  ['/work/:entity/:id', work],
];

export function App() {
  const path = usePath();
  useEffect(() => {
    void loadSession();
  }, []);
  const page = routes.find(([pattern]) => matchPath(pattern, path))?.[1]() ?? <NotFoundPage />;
  const wide = path.startsWith('/operator') || path.startsWith('/work');
  return (
    <div className="portal">
      <Header />
      {wide && <WorkBar />}
      <main className={wide ? 'main wide' : 'main'}>{page}</main>
      {!wide && <Footer />}
    </div>
  );
}
