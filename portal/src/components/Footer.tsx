import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <span>{t('footer.text', { year: new Date().getFullYear() })}</span>
      <span className="muted">{t('footer.powered')}</span>
    </footer>
  );
}
