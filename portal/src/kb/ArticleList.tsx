import type { ArticleSummary } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { formatDate } from './format';
import { kbPaths } from './kb-paths';

/** Articles as a list: title, summary, when updated and how often read. */
export function ArticleList({ items, compact = false }: { items: ArticleSummary[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={compact ? 'kb-articles compact' : 'kb-articles'} data-testid="kb-articles">
      {items.map((a) => (
        <li key={a.id}>
          <Link to={kbPaths.article(a.key)} className="kb-article-link">
            {a.title}
          </Link>
          {!compact && a.summary && <p>{a.summary}</p>}
          {!compact && (
            <span className="muted kb-article-meta">
              {t('kb.article.updated', { date: formatDate(a.updatedAt, i18n.language) })} ·{' '}
              {t('kb.article.views', { count: a.views })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
