import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { useAsync } from '../lib/use-async';
import { ArticleList } from './ArticleList';
import { ContactOptions } from './ContactOptions';
import { kbPaths } from './kb-paths';
import { SearchBox } from './SearchBox';
import { loadCategories, useCategories } from './use-categories';
import { useDocumentTitle } from './use-document-title';

/** `/kb`: the sections of the knowledge base (two levels, with article counts) and the most read articles. */
export function KbHomePage() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const popular = useAsync(() => client.kb.portalArticles({ sort: 'popular', limit: 6 }), []);
  useDocumentTitle(t('kb.home.documentTitle'));
  const tree = categories.status === 'ready' ? categories.tree : null;
  const roots = tree?.roots.filter((c) => c.articleCount > 0) ?? [];
  return (
    <div className="kb-page" data-testid="kb-home">
      <header className="kb-page-head">
        <h1>{t('kb.home.title')}</h1>
        <p className="muted">{t('kb.home.subtitle')}</p>
        <SearchBox />
      </header>
      {categories.status === 'loading' && <p className="muted">{t('kb.loading')}</p>}
      {categories.status === 'failed' && (
        <div className="banner error" role="alert">
          {t('kb.search.failed')}{' '}
          <button type="button" className="btn ghost" onClick={() => loadCategories(true)}>
            {t('kb.search.retry')}
          </button>
        </div>
      )}
      {tree && roots.length === 0 && <div className="empty">{t('kb.home.empty')}</div>}
      {roots.length > 0 && (
        <ul className="kb-categories">
          {roots.map((root) => (
            <li key={root.id} className="kb-category-card" data-testid="kb-category">
              <Link to={kbPaths.category(root.key)} className="kb-category-title">
                {localText(root.title, i18n.language)}
              </Link>
              <span className="count">{t('kb.home.articles', { count: root.articleCount })}</span>
              {root.description && <p className="muted">{localText(root.description, i18n.language)}</p>}
              <ul className="kb-subcategories">
                {tree
                  ?.children(root.id)
                  .filter((c) => c.articleCount > 0)
                  .map((c) => (
                    <li key={c.id}>
                      <Link to={kbPaths.category(c.key)}>{localText(c.title, i18n.language)}</Link>
                      <span className="muted"> {c.articleCount}</span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {popular.status === 'ready' && popular.data.items.length > 0 && (
        <section className="section">
          <h2>{t('kb.home.popular')}</h2>
          <ArticleList items={popular.data.items} />
        </section>
      )}
      <ContactOptions />
    </div>
  );
}
