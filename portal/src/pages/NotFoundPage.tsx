import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="section narrow empty">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="btn primary">
        {t('notFound.home')}
      </Link>
    </section>
  );
}
