import type { Role, User } from '@opora/sdk';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';
import { KbNavSection } from '../knowledge-base/KbNavSection';
import { kinds } from '../lib/kinds';
import { usePath } from '../lib/router';
import { signOut } from '../state/session';
import { Link } from './Link';

/** Top bar, navigation by definition kind (collapsing into a menu on phones), and the page. */
export function Layout({ user, children }: { user: User; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  const has = (...roles: Role[]) => roles.some((role) => user.roles.includes(role));
  const nav = (to: string, label: string, testId: string) => (
    <Link to={to} testId={testId} className={path.startsWith(to) ? 'nav-link active' : 'nav-link'}>
      {label}
    </Link>
  );
  return (
    <div className="shell">
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-label={t('layout.menu')}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ☰
        </button>
        <span className="brand">{t('layout.brand')}</span>
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost"
          data-testid="lang-switch"
          onClick={() => setLocale(i18n.language === 'ru' ? 'en' : 'ru')}
        >
          {i18n.language === 'ru' ? 'EN' : 'RU'}
        </button>
        {/* The password change lives in the portal, where every signed-in user can reach it. */}
        <a
          className="user-name"
          href="/account/password"
          title={`${user.login} · ${t('layout.changePassword')}`}
        >
          {user.name}
        </a>
        <button type="button" className="btn ghost" onClick={() => void signOut()}>
          {t('layout.signOut')}
        </button>
      </header>
      <div className="body">
        <nav
          className={menuOpen ? 'sidebar open' : 'sidebar'}
          aria-label={t('layout.navigation')}
          onClick={() => setMenuOpen(false)}
          onKeyDown={() => undefined}
        >
          <div className="nav-section">{t('layout.definitions')}</div>
          {kinds.map((kind) => nav(`/d/${kind}`, t(`kinds.${kind}.plural`), `nav-${kind}`))}
          <KbNavSection path={path} />
          <div className="nav-section">{t('layout.tools')}</div>
          {nav('/bundles', t('layout.bundles'), 'nav-bundles')}
          {nav('/tokens', t('layout.tokens'), 'nav-tokens')}
          {has('admin', 'developer') && nav('/secrets', t('layout.secrets'), 'nav-secrets')}
          {has('admin', 'developer', 'supervisor') &&
            nav('/script-runs', t('layout.scriptRuns'), 'nav-script-runs')}
          {has('admin') && nav('/users', t('layout.users'), 'nav-users')}
        </nav>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
