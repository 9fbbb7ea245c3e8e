import type { PortalArticle } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { localText } from '../lib/local-text';
import { ArticleBody } from './ArticleBody';
import { ArticleRating } from './ArticleRating';
import { ContactOptions } from './ContactOptions';
import { formatDate } from './format';
import { KbBreadcrumbs } from './KbBreadcrumbs';
import { kbPaths } from './kb-paths';
import { searchHref } from './search-params';

/** An article as the portal shows it: where it sits, when it changed, its text, tags, related, rating, contacts. */
export function ArticleView({ article }: { article: PortalArticle }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="kb-article" data-testid="kb-article" data-key={article.key}>
      <KbBreadcrumbs
        items={[
          { title: t('kb.article.home'), to: kbPaths.home },
          ...article.breadcrumbs.map((c) => ({
            title: localText(c.title, i18n.language),
            to: kbPaths.category(c.key),
          })),
        ]}
      />
      <header className="kb-article-head">
        <h1 data-testid="article-title">{article.title}</h1>
        <p className="muted kb-article-meta">
          <span>{t('kb.article.updated', { date: formatDate(article.updatedAt, i18n.language) })}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('kb.article.views', { count: article.views })}</span>
        </p>
        {article.summary && <p className="kb-article-summary">{article.summary}</p>}
      </header>
      <div className="kb-article-layout">
        <div className="kb-article-main">
          <ArticleBody html={article.body} />
          {article.tags.length > 0 && (
            <div className="kb-article-tags">
              <span className="muted">{t('kb.article.tags')}:</span>
              {article.tags.map((tag) => (
                <Link key={tag} to={searchHref({ tag })} className="kb-chip">
                  #{tag}
                </Link>
              ))}
            </div>
          )}
          <ArticleRating key={article.key} articleKey={article.key} myRating={article.myRating} />
        </div>
        <aside className="kb-article-aside">
          {article.related.length > 0 && (
            <section className="kb-related">
              <h2>{t('kb.article.related')}</h2>
              <ul>
                {article.related.map((r) => (
                  <li key={r.id}>
                    <Link to={kbPaths.article(r.key)}>{r.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ContactOptions />
        </aside>
      </div>
    </article>
  );
}
