import { type ReactNode, useEffect } from 'react';
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

const routes: [string, () => ReactNode][] = [
  ['/', () => <HomePage />],
  ['/search', () => <SearchPage />],
  ['/login', () => <LoginPage />],
  ['/account', () => <AccountPage />],
  ['/operator', () => <OperatorPage />],
];

export function App() {
  const path = usePath();
  useEffect(() => {
    void loadSession();
  }, []);
  const page = routes.find(([pattern]) => matchPath(pattern, path))?.[1]() ?? <NotFoundPage />;
  const wide = path.startsWith('/operator');
  return (
    <div className="portal">
      <Header />
      <main className={wide ? 'main wide' : 'main'}>{page}</main>
      {!wide && <Footer />}
    </div>
  );
}
