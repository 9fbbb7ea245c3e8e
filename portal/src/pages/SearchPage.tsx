import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { usePath } from '../lib/router';

/** Knowledge-base search arrives with the knowledge base; until then the page says so plainly. */
export function SearchPage() {
  const { t } = useTranslation();
  const q = new URLSearchParams(usePath().split('?')[1] ?? '').get('q') ?? '';
  return (
    <section className="section narrow">
      <h1>{t('search.title', { q })}</h1>
      <div className="empty">
        <p>{t('search.soon')}</p>
        <Link to="/login" className="btn primary">
          {t('search.signIn')}
        </Link>
      </div>
    </section>
  );
}
