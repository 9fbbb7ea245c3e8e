import type { Role, User } from '@opora/sdk';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';
import { KbNavSection } from '../knowledge-base/KbNavSection';
import { type MenuTool, mayUseTool, visibleMenu } from '../lib/access';
import { usePath } from '../lib/router';
import { signOut } from '../state/session';
import { Link } from './Link';

const toolLinks: Record<MenuTool, [to: string, label: string, testId: string]> = {
  bundles: ['/bundles', 'layout.bundles', 'nav-bundles'],
  tokens: ['/tokens', 'layout.tokens', 'nav-tokens'],
  secrets: ['/secrets', 'layout.secrets', 'nav-secrets'],
  scriptRuns: ['/script-runs', 'layout.scriptRuns', 'nav-script-runs'],
  users: ['/users', 'layout.users', 'nav-users'],
};

/**
 * Top bar, navigation (collapsing into a menu on phones) and the page. The menu holds only what the user's roles
 * may use (`lib/access.ts`), and leads out to the portal and the operator's workspace, which live outside /designer.
 */
export function Layout({ user, children }: { user: User; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  const menu = visibleMenu(user.roles);
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
        <ElsewhereLinks roles={user.roles} className="topbar-link" testIdPrefix="topbar" />
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
          {menu.kinds.length > 0 && <div className="nav-section">{t('layout.definitions')}</div>}
          {menu.kinds.map((kind) => nav(`/d/${kind}`, t(`kinds.${kind}.plural`), `nav-${kind}`))}
          {mayUseTool(user.roles, 'knowledgeBase') && <KbNavSection path={path} roles={user.roles} />}
          {menu.tools.length > 0 && <div className="nav-section">{t('layout.tools')}</div>}
          {menu.tools.map((tool) => {
            const [to, label, testId] = toolLinks[tool];
            return nav(to, t(label), testId);
          })}
          {/* On a phone the top bar has no room for the ways out: they close the menu instead. */}
          <div className="nav-elsewhere">
            <div className="nav-section">{t('shell.elsewhere')}</div>
            <ElsewhereLinks roles={user.roles} className="nav-link" testIdPrefix="nav" />
          </div>
        </nav>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}

/** The portal and the operator's workspace: separate apps on the same server, so plain links, not the router's. */
function ElsewhereLinks({
  roles,
  className,
  testIdPrefix,
}: {
  roles: readonly Role[];
  className: string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className={className} href="/" data-testid={`${testIdPrefix}-portal`}>
        {t('shell.portal')}
      </a>
      {mayUseTool(roles, 'operator') && (
        <a className={className} href="/operator" data-testid={`${testIdPrefix}-operator`}>
          {t('shell.operator')}
        </a>
      )}
    </>
  );
}
