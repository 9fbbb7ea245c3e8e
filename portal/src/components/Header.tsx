import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n';
import { navigate } from '../lib/router';
import { canDesign, isStaff, signOut, useSession } from '../state/session';
import { Link } from './Link';

/** Portal header: brand, navigation (a menu button on phones), language, sign-in or the user's menu. */
export function Header() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const user = session.status === 'signed-in' ? session.user : null;
  const close = () => setOpen(false);
  return (
    <header className="header">
      <Link to="/" className="logo" onClick={close}>
        <span className="logo-mark" aria-hidden="true">
          О
        </span>
        {t('header.brand')}
      </Link>
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
        <Link to="/" onClick={close}>
          {t('header.home')}
        </Link>
        {user && isStaff(user) && (
          <Link to="/operator" onClick={close}>
            {t('header.operator')}
          </Link>
        )}
        {user && canDesign(user) && <a href="/designer/">{t('header.designer')}</a>}
        {user && !isStaff(user) && (
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
            <span className="who">{user.name}</span>
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
