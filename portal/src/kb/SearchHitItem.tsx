import type { SearchHit } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { localText } from '../lib/local-text';
import type { CategoryTree } from './categories';
import { formatDate } from './format';
import { Highlighted } from './Highlighted';
import { toSegments } from './highlight';
import { kbPaths } from './kb-paths';
import { searchHref } from './search-params';

/** One found article: its title and the passage around the words found, marked, then its section and tags. */
export function SearchHitItem({ hit, categories }: { hit: SearchHit; categories: CategoryTree | null }) {
  const { i18n } = useTranslation();
  const category = hit.categoryId ? categories?.byId.get(hit.categoryId) : undefined;
  const title = toSegments(hit.title);
  const snippet = toSegments(hit.snippet.length > 0 ? hit.snippet : [{ text: hit.summary, match: false }]);
  return (
    <li className="kb-hit" data-testid="search-hit" data-key={hit.key}>
      <h2 className="kb-hit-title">
        <Link to={kbPaths.article(hit.key)}>
          {title.length > 0 ? <Highlighted segments={title} /> : hit.key}
        </Link>
      </h2>
      {snippet.length > 0 && (
        <p className="kb-hit-snippet">
          <Highlighted segments={snippet} />
        </p>
      )}
      <div className="kb-hit-meta">
        {category && (
          <Link to={kbPaths.category(category.key)} className="kb-hit-category">
            {localText(category.title, i18n.language)}
          </Link>
        )}
        {hit.tags.map((tag) => (
          <Link key={tag} to={searchHref({ tag })} className="kb-tag">
            #{tag}
          </Link>
        ))}
        <span className="muted">{formatDate(hit.updatedAt, i18n.language)}</span>
      </div>
    </li>
  );
}
