import { ApiError } from '@opora/sdk';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { matchPath, usePath } from '../lib/router';
import { useAsync } from '../lib/use-async';
import { ArticleView } from './ArticleView';
import { SearchBox } from './SearchBox';
import { useDocumentTitle } from './use-document-title';
import { useRecordView } from './use-record-view';

/** `/kb/<key>`: one article, counted as read once per opening. */
export function ArticlePage() {
  const { t } = useTranslation();
  const key = matchPath('/kb/:key', usePath())?.key ?? '';
  const article = useAsync(() => client.kb.portalArticle(key), [key]);
  // The previous article stays on screen while the next loads; only the one asked for counts.
  const shown = article.status === 'ready' && article.data.key === key ? article.data : null;
  useRecordView(shown?.key);
  useDocumentTitle(shown ? shown.title : article.status === 'failed' ? t('kb.article.notFound') : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another article starts at the top
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [key]);

  if (article.status === 'failed') {
    const missing =
      article.error instanceof ApiError && (article.error.status === 404 || article.error.status === 403);
    return (
      <section className="section narrow empty" data-testid={missing ? 'article-missing' : 'article-failed'}>
        <h1>{missing ? t('kb.article.notFound') : t('kb.article.failed')}</h1>
        {missing ? (
          <p>{t('kb.article.notFoundText')}</p>
        ) : (
          <button type="button" className="btn" onClick={article.reload}>
            {t('kb.article.retry')}
          </button>
        )}
        <SearchBox />
      </section>
    );
  }
  if (!article.data)
    return (
      <p className="muted" aria-busy="true">
        {t('kb.article.loading')}
      </p>
    );
  return <ArticleView article={article.data} />;
}
