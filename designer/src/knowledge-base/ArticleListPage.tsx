import type { ArticleAudience, ArticleState, ArticleSummary, Page } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { navigate, router, usePath } from '../lib/router';
import { ArticleTable } from './ArticleTable';
import { articleStates, audiences } from './article-fields';
import { CategorySelect } from './CategorySelect';
import {
  hasFilters,
  type ListQuery,
  type ListSort,
  listQueryPath,
  listSorts,
  pageSize,
  readListQuery,
  toApiQuery,
} from './list-query';
import { useCategories } from './use-categories';
import './i18n';

/** All articles for editors: search, filters, sort, pages; each row opens the editor. */
export function ArticleListPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const path = usePath();
  const query = readListQuery(path.split('?')[1] ?? '');
  const { categories } = useCategories();
  const [q, setQ] = useState(query.q);
  const [tag, setTag] = useState(query.tag);
  const [page, setPage] = useState<Page<ArticleSummary> | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Read the address afresh: a debounced change must not undo a filter chosen meanwhile.
  const change = (patch: Partial<ListQuery>) =>
    router.navigate(
      listQueryPath({ ...readListQuery(router.path().split('?')[1] ?? ''), offset: 0, ...patch }),
      {
        replace: true,
      },
    );
  // «Back» to an earlier address puts its text back into the inputs.
  useEffect(() => setQ(query.q), [query.q]);
  useEffect(() => setTag(query.tag), [query.tag]);

  // Typing waits a moment before asking the server, so every letter is not a request.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts the timer
  useEffect(() => {
    if (q === query.q && tag === query.tag) return;
    const timer = setTimeout(() => change({ q, tag }), 300);
    return () => clearTimeout(timer);
  }, [q, tag]);

  const apiQuery = JSON.stringify(toApiQuery(query));
  useEffect(() => {
    let live = true;
    client.kb
      .list(JSON.parse(apiQuery))
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorText(e, t('common.loadFailed'))));
    return () => {
      live = false;
    };
  }, [apiQuery, t]);

  const create = () => navigate('/kb/new');
  const filtered = hasFilters(query);

  return (
    <div className="page kb-page" data-testid="kb-list">
      <div className="page-head">
        <h1>{t('kb.list.title')}</h1>
        <span className="spacer" />
        {canEdit && (
          <button type="button" className="btn primary" data-testid="create-article" onClick={create}>
            {t('kb.list.create')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder={t('kb.list.search')}
          aria-label={t('kb.list.search')}
          data-testid="kb-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select
          aria-label={t('kb.list.state')}
          value={query.state}
          onChange={(e) => change({ state: e.target.value as ArticleState | '' })}
        >
          <option value="">{t('kb.list.anyState')}</option>
          {articleStates.map((s) => (
            <option key={s} value={s}>
              {t(`kb.state.${s}`)}
            </option>
          ))}
        </select>
        <CategorySelect
          categories={categories ?? []}
          value={query.category || null}
          onChange={(id) => change({ category: id ?? '' })}
          emptyLabel={t('kb.list.anyCategory')}
          label={t('kb.list.category')}
        />
        <select
          aria-label={t('kb.list.audience')}
          value={query.audience}
          onChange={(e) => change({ audience: e.target.value as ArticleAudience | '' })}
        >
          <option value="">{t('kb.list.anyAudience')}</option>
          {audiences.map((a) => (
            <option key={a} value={a}>
              {t(`kb.audience.${a}`)}
            </option>
          ))}
        </select>
        <input
          className="kb-tag-filter"
          placeholder={t('kb.list.tag')}
          aria-label={t('kb.list.tag')}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        <select
          aria-label={t('kb.list.sort')}
          value={query.sort}
          onChange={(e) => change({ sort: e.target.value as ListSort })}
        >
          {listSorts.map((s) => (
            <option key={s} value={s}>
              {t(`kb.list.sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner message={error} />
      {!page && !error && <p className="muted">{t('common.loading')}</p>}
      {page && page.total === 0 ? (
        <div className="empty" data-testid="kb-empty">
          <p>{filtered ? t('kb.list.nothingFound') : t('kb.list.empty')}</p>
          {filtered && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                setQ('');
                setTag('');
                router.navigate('/kb', { replace: true });
              }}
            >
              {t('kb.list.resetFilters')}
            </button>
          )}{' '}
          {canEdit && (
            <button type="button" className="btn primary" onClick={create}>
              {t('kb.list.create')}
            </button>
          )}
        </div>
      ) : (
        page && <ArticleTable items={page.items} categories={categories ?? []} />
      )}
      {page && (
        <Pagination
          offset={query.offset}
          limit={pageSize}
          total={page.total}
          capped={page.totalCapped}
          onChange={(offset) => change({ offset })}
        />
      )}
    </div>
  );
}
