import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import './i18n';

/** Previous / next pages as real links (shareable, work without script), with «page X of Y». */
export function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="kb-pager" aria-label={t('kb.pager.label')} data-testid="kb-pager">
      {page > 1 ? (
        <Link to={href(page - 1)} className="btn">
          ← {t('kb.pager.prev')}
        </Link>
      ) : (
        <span />
      )}
      <span className="muted">{t('kb.pager.page', { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} className="btn">
          {t('kb.pager.next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
