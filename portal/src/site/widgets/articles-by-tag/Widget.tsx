import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../components/WidgetStates';
import { client } from '../../../lib/api';
import { localText } from '../../../lib/local-text';
import { useAsync } from '../../../lib/use-async';
import { ArticleList } from '../ArticleList';
import { WidgetFrame } from '../WidgetFrame';
import type { WidgetProps } from '../widget-props';

/** The latest articles carrying one tag. */
export function ArticlesByTagWidget({ config }: WidgetProps<'articles-by-tag'>) {
  const { t, i18n } = useTranslation();
  const limit = config.count ?? 5;
  const articles = useAsync(
    () => client.kb.portalArticles({ tag: config.tag, sort: 'recent', limit }),
    [config.tag, limit],
  );
  const title = config.title
    ? localText(config.title, i18n.language)
    : t('site.widget.byTag.title', { tag: config.tag });
  return (
    <WidgetFrame type="articles-by-tag" title={title}>
      <AsyncContent
        state={articles}
        isEmpty={(page) => page.items.length === 0}
        empty={t('site.widget.byTag.empty')}
      >
        {(page) => <ArticleList items={page.items} />}
      </AsyncContent>
    </WidgetFrame>
  );
}
