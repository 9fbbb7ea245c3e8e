import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { ContactOptions } from './ContactOptions';
import { kbPaths } from './kb-paths';
import { type SearchState, searchHref } from './search-params';

/** «Ничего не нашлось»: what to try, and the ways to reach specialists. */
export function SearchEmpty({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const tips = t('kb.search.tips', { returnObjects: true }) as string[];
  return (
    <div className="kb-empty" data-testid="search-empty">
      <h2>{t('kb.search.empty')}</h2>
      {state.q && <p>{t('kb.search.emptyFor', { q: state.q })}</p>}
      <p className="muted">{t('kb.search.tipsTitle')}</p>
      <ul>
        {tips.map((tip) => (
          <li key={tip}>{tip}</li>
        ))}
      </ul>
      <div className="kb-empty-actions">
        {(state.category || state.tag) && (
          <Link to={searchHref({ q: state.q })} className="btn">
            {t('kb.search.resetFilters')}
          </Link>
        )}
        <Link to={kbPaths.home} className="btn">
          {t('kb.home.title')}
        </Link>
      </div>
      <ContactOptions />
    </div>
  );
}
