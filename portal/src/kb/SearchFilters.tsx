import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { localText } from '../lib/local-text';
import type { CategoryTree } from './categories';
import { type SearchState, searchHref, withFilter } from './search-params';

const wide = () => typeof window === 'undefined' || window.matchMedia('(min-width: 721px)').matches;

/** Narrowing a search: by section (the two-level category tree) and by tag (chips). Folded on phones. */
export function SearchFilters({
  state,
  categories,
  tags,
}: {
  state: SearchState;
  categories: CategoryTree | null;
  tags: string[];
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(wide);
  const item = (key: string, title: string, level: number) => (
    <li key={key || '*'} className={level > 0 ? 'sub' : undefined}>
      <Link
        to={searchHref(withFilter(state, { category: key }))}
        className={state.category === key ? 'kb-filter active' : 'kb-filter'}
      >
        {title}
      </Link>
    </li>
  );
  return (
    <details
      className="kb-filters"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="search-filters"
    >
      <summary>{t('kb.search.filters')}</summary>
      {categories && categories.roots.length > 0 && (
        <section>
          <h3>{t('kb.search.category')}</h3>
          <ul className="kb-filter-list">
            {item('', t('kb.search.allCategories'), 0)}
            {categories.roots
              .filter((root) => root.articleCount > 0 || root.key === state.category)
              .flatMap((root) => [
                item(root.key, localText(root.title, i18n.language), 0),
                ...categories
                  .children(root.id)
                  .filter((c) => c.articleCount > 0 || c.key === state.category)
                  .map((c) => item(c.key, localText(c.title, i18n.language), 1)),
              ])}
          </ul>
        </section>
      )}
      {tags.length > 0 && (
        <section>
          <h3>{t('kb.search.tags')}</h3>
          <div className="kb-chips">
            {tags.map((tag) =>
              tag === state.tag ? (
                <Link key={tag} to={searchHref(withFilter(state, { tag: '' }))} className="kb-chip active">
                  <span>#{tag}</span>
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">{t('kb.search.removeTag', { tag })}</span>
                </Link>
              ) : (
                <Link key={tag} to={searchHref(withFilter(state, { tag }))} className="kb-chip">
                  #{tag}
                </Link>
              ),
            )}
          </div>
        </section>
      )}
    </details>
  );
}
