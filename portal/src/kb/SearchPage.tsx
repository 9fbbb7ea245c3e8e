import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { localText } from '../lib/local-text';
import { usePath } from '../lib/router';
import { kbPaths } from './kb-paths';
import { Pager } from './Pager';
import { SearchBox } from './SearchBox';
import { SearchEmpty } from './SearchEmpty';
import { SearchFilters } from './SearchFilters';
import { SearchHitItem } from './SearchHitItem';
import { SearchNoExactAnswer } from './SearchNoExactAnswer';
import { pageCount, parseSearch, searchHref } from './search-params';
import { useCategoryTree } from './use-categories';
import { useDocumentTitle } from './use-document-title';
import { tagsToOffer, useSearch } from './use-search';

/** `/search?q=&category=&tag=&page=`: knowledge-base search with filters, highlighted passages and pages. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const path = usePath();
  const state = parseSearch(path);
  const result = useSearch(state);
  const categories = useCategoryTree();
  const category = state.category ? categories?.byKey.get(state.category) : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page of results starts at the top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [state.page]);

  const data = result.data?.result;
  const pages = data ? pageCount(data.total, data.limit || 10) : 1;
  // Articles were found, but none answers the question: say so first, and label them as possibly related.
  const weak = Boolean(data && data.total > 0 && !data.exactAnswer && state.q);
  const heading = state.q
    ? t('kb.search.titleFor', { q: state.q })
    : state.tag
      ? t('kb.search.byTag', { tag: state.tag })
      : category
        ? t('kb.search.inCategory', { category: localText(category.title, i18n.language) })
        : t('kb.search.title');
  useDocumentTitle(
    state.q || state.tag || category ? `${heading} — ${t('kb.home.title')}` : t('kb.search.documentTitle'),
  );
  return (
    <section className="kb-search-page" data-testid="search-page">
      <h1 className="kb-search-heading">{heading}</h1>
      <SearchBox initialQuery={state.q} autoFocus={!state.q && !state.tag && !state.category} />
      {data === null && !result.pending && (
        <p className="muted kb-prompt">
          {t('kb.search.prompt')} <Link to={kbPaths.home}>{t('kb.home.title')}</Link>
        </p>
      )}
      {result.status === 'failed' && (
        <div className="banner error" role="alert">
          {t('kb.search.failed')}{' '}
          <button type="button" className="btn ghost" onClick={result.reload}>
            {t('kb.search.retry')}
          </button>
        </div>
      )}
      {data && (
        <div
          className={
            data.total > 0 || state.category || state.tag ? 'kb-search-layout' : 'kb-search-layout single'
          }
        >
          {(data.total > 0 || state.category || state.tag) && (
            <SearchFilters state={state} categories={categories} tags={tagsToOffer(data.items, state.tag)} />
          )}
          <div className="kb-results" aria-live="polite" aria-busy={result.pending}>
            {data.correctedQuery && (
              <p className="kb-corrected" data-testid="search-corrected">
                {t('kb.search.corrected', { q: data.correctedQuery })}
              </p>
            )}
            {weak && <SearchNoExactAnswer q={state.q} />}
            {weak && (
              <div className="kb-related-heading" data-testid="search-related">
                <h2>{t('kb.search.related')}</h2>
                <p className="muted">{t('kb.search.relatedHint')}</p>
              </div>
            )}
            {data.total > 0 && (
              <p className="muted kb-count" data-testid="search-count">
                {data.totalIsEstimate
                  ? t('kb.search.foundAbout', { count: data.total })
                  : t('kb.search.found', { count: data.total })}
              </p>
            )}
            {data.total === 0 ? (
              <SearchEmpty state={state} />
            ) : data.items.length === 0 ? (
              <p>
                <Link to={searchHref({ ...state, page: 1 })}>{t('kb.pager.page', { page: 1, pages })}</Link>
              </p>
            ) : (
              <ol className="kb-hits" start={data.offset + 1}>
                {data.items.map((hit) => (
                  <SearchHitItem key={hit.id} hit={hit} categories={categories} />
                ))}
              </ol>
            )}
            <Pager page={state.page} pages={pages} href={(page) => searchHref({ ...state, page })} />
          </div>
        </div>
      )}
    </section>
  );
}
