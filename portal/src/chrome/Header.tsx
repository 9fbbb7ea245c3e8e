import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../account/NotificationBell';
import { Link } from '../components/Link';
import { setLocale } from '../i18n';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { navigate } from '../lib/router';
import { audienceOf, visibleTo } from '../site/audience';
import { usePortal } from '../site/state/site-store';
import { canDesign, isStaff, signOut, useSession } from '../state/session';
import '../site/site.css';

/**
 * Portal header: the published portal's name, logo and menu (for the visitor's audience) or the built-in brand,
 * staff links, language, notifications and sign-in or the user's menu; a menu button on phones.
 */
export function Header() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const portal = usePortal();
  const [open, setOpen] = useState(false);
  const user = session.status === 'signed-in' ? session.user : null;
  const who = audienceOf(session);
  const close = () => setOpen(false);
  const name = portal ? localText(portal.name, i18n.language) : t('header.brand');
  const menu = portal ? visibleTo(portal.menu, who) : [];
  return (
    <header className="header">
      <Link to="/" className="logo" onClick={close}>
        {portal?.logo ? (
          <img className="logo-image" src={client.portal.assetUrl(portal.logo)} alt="" />
        ) : (
          <span className="logo-mark" aria-hidden="true">
            {name.trim().charAt(0).toUpperCase() || 'О'}
          </span>
        )}
        <span className="logo-name">{name}</span>
      </Link>
      {user && !isStaff(user) && <NotificationBell onClick={close} />}
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-label={t('header.menu')}
        onClick={() => setOpen(!open)}
      >
        ☰
      </button>
      <nav className={open ? 'nav open' : 'nav'} aria-label={t('header.menu')}>
        {menu.length === 0 && (
          <Link to="/" onClick={close}>
            {t('header.home')}
          </Link>
        )}
        {menu.map((item) =>
          item.to.startsWith('/') ? (
            <Link key={item.id} to={item.to} onClick={close}>
              {localText(item.label, i18n.language)}
            </Link>
          ) : (
            <a key={item.id} href={item.to} target="_blank" rel="noopener noreferrer">
              {localText(item.label, i18n.language)}
            </a>
          ),
        )}
        {user && isStaff(user) && (
          <Link to="/operator" onClick={close}>
            {t('header.operator')}
          </Link>
        )}
        {user && canDesign(user) && <a href="/designer/">{t('header.designer')}</a>}
        {user && !isStaff(user) && !menu.some((item) => item.to === '/account') && (
          <Link to="/account" onClick={close}>
            {t('header.account')}
          </Link>
        )}
        <button
          type="button"
          className="btn ghost"
          data-testid="lang-switch"
          onClick={() => setLocale(i18n.language === 'ru' ? 'en' : 'ru')}
        >
          {i18n.language === 'ru' ? 'EN' : 'RU'}
        </button>
        {user ? (
          <>
            <Link
              to="/account/password"
              className="who"
              title={t('header.changePassword')}
              onClick={close}
              data-testid="change-password"
            >
              {user.name}
            </Link>
            <button
              type="button"
              className="btn"
              onClick={() => {
                close();
                void signOut().then(() => navigate('/'));
              }}
            >
              {t('header.signOut')}
            </button>
          </>
        ) : (
          <Link to="/login" className="btn primary" onClick={close}>
            {t('header.signIn')}
          </Link>
        )}
      </nav>
    </header>
  );
}
