import { useTranslation } from 'react-i18next';
import { localText } from '../lib/local-text';
import { usePortal } from '../site/state/site-store';

/** The published portal's footer text, or the built-in one. */
export function Footer() {
  const { t, i18n } = useTranslation();
  const portal = usePortal();
  return (
    <footer className="footer">
      <span className="footer-text">
        {portal?.footer
          ? localText(portal.footer, i18n.language)
          : t('footer.text', { year: new Date().getFullYear() })}
      </span>
      <span className="muted">{t('footer.powered')}</span>
    </footer>
  );
}
