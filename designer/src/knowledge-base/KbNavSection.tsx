import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import './i18n';

const subPages = ['/kb/categories', '/kb/synonyms', '/kb/gaps'];

/** «База знаний» and «Объявления» in the designer's navigation. */
export function KbNavSection({ path }: { path: string }) {
  const { t } = useTranslation();
  const bare = path.split('?')[0] ?? '';
  const active = (to: string) =>
    to === '/kb'
      ? (bare === '/kb' || bare.startsWith('/kb/')) && !subPages.some((p) => bare.startsWith(p))
      : bare === to || bare.startsWith(`${to}/`);
  const item = (to: string, label: string, testId: string) => (
    <Link key={to} to={to} testId={testId} className={active(to) ? 'nav-link active' : 'nav-link'}>
      {label}
    </Link>
  );
  return (
    <>
      <div className="nav-section">{t('kb.nav.section')}</div>
      {item('/kb', t('kb.nav.articles'), 'nav-kb')}
      {item('/kb/categories', t('kb.nav.categories'), 'nav-kb-categories')}
      {item('/kb/synonyms', t('kb.nav.synonyms'), 'nav-kb-synonyms')}
      {item('/kb/gaps', t('kb.nav.gaps'), 'nav-kb-gaps')}
      {item('/announcements', t('kb.nav.announcements'), 'nav-announcements')}
    </>
  );
}
