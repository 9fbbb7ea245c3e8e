import type { Role } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { canEditKb } from './kb-routes';
import './i18n';

const subPages = ['/kb/categories', '/kb/synonyms', '/kb/gaps'];

/** Who may post announcements (the server's rule for `/announcements`). */
const mayAnnounce = (roles: readonly Role[]) =>
  roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'analyst');

/**
 * «База знаний» and «Объявления» in the designer's navigation: every staff role reads articles; only the knowledge
 * base's editors see its synonyms and search gaps, only the roles that may announce see announcements.
 */
export function KbNavSection({ path, roles }: { path: string; roles: readonly Role[] }) {
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
      {canEditKb(roles) && item('/kb/synonyms', t('kb.nav.synonyms'), 'nav-kb-synonyms')}
      {canEditKb(roles) && item('/kb/gaps', t('kb.nav.gaps'), 'nav-kb-gaps')}
      {mayAnnounce(roles) && item('/announcements', t('kb.nav.announcements'), 'nav-announcements')}
    </>
  );
}
