import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { client } from '../lib/api';
import { localText } from '../lib/local-text';
import { matchPath, navigate, usePath } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { ArticleList } from './ArticleList';
import { KbBreadcrumbs } from './KbBreadcrumbs';
import { kbPaths } from './kb-paths';
import { listHref, listPageSize, parseList } from './list-params';
import { Pager } from './Pager';
import { SearchBox } from './SearchBox';
import { pageCount } from './search-params';
import { useCategories } from './use-categories';
import { useDocumentTitle } from './use-document-title';

/** `/kb/c/<key>`: a section's subsections and its articles (with those of its subsections), paged and sorted. */
export function KbCategoryPage() {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const key = matchPath('/kb/c/:category', path)?.category ?? '';
  const list = parseList(path);
  const categories = useCategories();
  const articles = useAsync(
    () =>
      client.kb.portalArticles({
        category: key,
        sort: list.sort,
        limit: listPageSize,
        offset: (list.page - 1) * listPageSize,
      }),
    [key, list.sort, list.page],
  );
  const tree = categories.status === 'ready' ? categories.tree : null;
  const category = tree?.byKey.get(key);
  useDocumentTitle(category ? `${localText(category.title, i18n.language)} — ${t('kb.home.title')}` : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another section or page starts at the top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [key, list.page]);

  if (tree && !category)
    return (
      <section className="section narrow empty" data-testid="kb-category-missing">
        <h1>{t('kb.category.notFound')}</h1>
        <p>{t('kb.category.notFoundText')}</p>
        <SearchBox />
        <Link to={kbPaths.home} className="btn">
          {t('kb.home.title')}
        </Link>
      </section>
    );
  const base = kbPaths.category(key);
  const subcategories = category ? (tree?.children(category.id) ?? []).filter((c) => c.articleCount > 0) : [];
  return (
    <div className="kb-page" data-testid="kb-category-page">
      <KbBreadcrumbs
        items={[
          { title: t('kb.article.home'), to: kbPaths.home },
          ...(tree?.trail(category?.id).map((c) => ({
            title: localText(c.title, i18n.language),
            to: kbPaths.category(c.key),
          })) ?? []),
        ]}
      />
      <header className="kb-page-head">
        <h1>{category ? localText(category.title, i18n.language) : '…'}</h1>
        {category?.description && <p className="muted">{localText(category.description, i18n.language)}</p>}
      </header>
      {subcategories.length > 0 && (
        <section>
          <h2>{t('kb.category.subcategories')}</h2>
          <ul className="kb-subcategory-tiles">
            {subcategories.map((c) => (
              <li key={c.id}>
                <Link to={kbPaths.category(c.key)} className="tile">
                  <strong>{localText(c.title, i18n.language)}</strong>
                  <span className="muted">{t('kb.home.articles', { count: c.articleCount })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <div className="kb-list-head">
          <h2>{t('kb.category.articles')}</h2>
          <label className="kb-sort">
            <span>{t('kb.category.sort')}</span>
            <select
              value={list.sort}
              data-testid="kb-sort"
              onChange={(e) =>
                navigate(
                  listHref(base, { sort: e.target.value === 'recent' ? 'recent' : 'popular', page: 1 }),
                )
              }
            >
              <option value="popular">{t('kb.category.popular')}</option>
              <option value="recent">{t('kb.category.recent')}</option>
            </select>
          </label>
        </div>
        {articles.status === 'loading' && <p className="muted">{t('kb.loading')}</p>}
        {articles.status === 'failed' && (
          <div className="banner error" role="alert">
            {t('kb.search.failed')}{' '}
            <button type="button" className="btn ghost" onClick={articles.reload}>
              {t('kb.search.retry')}
            </button>
          </div>
        )}
        {articles.status === 'ready' &&
          (articles.data.items.length === 0 ? (
            <div className="empty">{t('kb.category.empty')}</div>
          ) : (
            <ArticleList items={articles.data.items} />
          ))}
        {articles.data && (
          <Pager
            page={list.page}
            pages={pageCount(articles.data.total, listPageSize)}
            href={(page) => listHref(base, { ...list, page })}
          />
        )}
      </section>
    </div>
  );
}
