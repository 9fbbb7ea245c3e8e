import type { ArticleSummary } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { kbPaths } from '../../kb/kb-paths';

/** Articles as links with their short summary: what popular and tagged lists show. */
export function ArticleList({ items, showViews }: { items: ArticleSummary[]; showViews?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="article-links">
      {items.map((article) => (
        <li key={article.id}>
          <Link to={kbPaths.article(article.key)} className="article-link">
            <strong>{article.title}</strong>
            {article.summary && <span className="muted">{article.summary}</span>}
            {showViews && article.views > 0 && (
              <span className="article-meta">{t('site.widget.popular.views', { count: article.views })}</span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
