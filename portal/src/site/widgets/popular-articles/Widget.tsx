import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../components/WidgetStates';
import { client } from '../../../lib/api';
import { localText } from '../../../lib/local-text';
import { useAsync } from '../../../lib/use-async';
import { ArticleList } from '../ArticleList';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The most read articles, optionally of one category. */
export function PopularArticlesWidget({ config }: WidgetProps<'popular-articles'>) {
  const { t, i18n } = useTranslation();
  const limit = config.count ?? 5;
  const articles = useAsync(
    () => client.kb.portalArticles({ sort: 'popular', category: config.category, limit }),
    [config.category, limit],
  );
  const title = config.title ? localText(config.title, i18n.language) : t('site.widget.popular.title');
  return (
    <WidgetFrame type="popular-articles" title={title}>
      <AsyncContent
        state={articles}
        isEmpty={(page) => page.items.length === 0}
        empty={t('site.widget.popular.empty')}
      >
        {(page) => <ArticleList items={page.items} />}
      </AsyncContent>
    </WidgetFrame>
  );
}
