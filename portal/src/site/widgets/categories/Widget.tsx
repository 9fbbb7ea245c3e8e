import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../../../components/WidgetStates';
import { kbPaths } from '../../../kb/kb-paths';
import { loadCategories, useCategories } from '../../../kb/use-categories';
import { localText } from '../../../lib/local-text';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The top knowledge-base sections as tiles, with how many articles each holds (subsections included). */
export function CategoriesWidget({ config }: WidgetProps<'categories'>) {
  const { t, i18n } = useTranslation();
  const state = useCategories();
  const title = config.title ? localText(config.title, i18n.language) : t('site.widget.categories.title');
  const showCounts = config.showCounts ?? true;
  // A section with nothing this visitor may read (e.g. staff-only articles) leads nowhere: it is left out.
  const roots = state.status === 'ready' ? state.tree.roots.filter((c) => c.articleCount > 0) : [];
  let content: ReactNode;
  if (state.status === 'failed')
    content = <WidgetError error={state.error} onRetry={() => loadCategories(true)} />;
  else if (state.status !== 'ready') content = <WidgetLoading />;
  else if (roots.length === 0) content = <WidgetEmpty>{t('site.widget.categories.empty')}</WidgetEmpty>;
  else
    content = (
      <ul className="category-tiles">
        {roots.map((category) => (
          <li key={category.id}>
            <Link to={kbPaths.category(category.key)} className="category-tile">
              <strong>{localText(category.title, i18n.language)}</strong>
              {category.description && (
                <span className="muted">{localText(category.description, i18n.language)}</span>
              )}
              {showCounts && (
                <span className="article-meta">
                  {t('site.widget.categories.count', { count: category.articleCount })}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    );
  return (
    <WidgetFrame type="categories" title={title}>
      {content}
    </WidgetFrame>
  );
}
