import { ApiError } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { ArticleBody } from '../kb/ArticleBody';
import { ArticleRating } from '../kb/ArticleRating';
import { kbPaths } from '../kb/kb-paths';
import { useRecordView } from '../kb/use-record-view';
import { client } from '../lib/api';
import { useAsync } from '../lib/use-async';

/** An article leaf: the article itself, in place, with its rating (which the walk records too). */
export function ArticleLeaf({
  articleKey,
  preview,
  onRated,
  titleLevel: Title = 'h2',
}: {
  titleLevel?: 'h2' | 'h4';
  articleKey: string;
  /** What the published tree already says about the article, shown while its text loads. */
  preview?: { title: string; summary: string };
  onRated: (helpful: boolean) => void;
}) {
  const { t } = useTranslation();
  const article = useAsync(() => client.kb.portalArticle(articleKey), [articleKey]);
  useRecordView(article.status === 'ready' ? article.data.key : null);
  const gone =
    article.status === 'failed' && article.error instanceof ApiError && article.error.status === 404;
  const title = article.data?.title ?? preview?.title;
  const summary = article.data?.summary ?? preview?.summary;
  return (
    <article className="helper-article" data-testid="helper-article">
      {title && <Title className="helper-article-title">{title}</Title>}
      {summary && <p className="helper-article-summary">{summary}</p>}
      {article.status === 'loading' && <p className="muted">{t('help.article.loading')}</p>}
      {article.status === 'failed' &&
        (gone ? (
          <p className="muted">{t('help.article.missing')}</p>
        ) : (
          <p className="banner error" role="alert">
            {t('kb.article.failed')}{' '}
            <button type="button" className="btn ghost" onClick={article.reload}>
              {t('kb.article.retry')}
            </button>
          </p>
        ))}
      {article.status === 'ready' && (
        <>
          <ArticleBody html={article.data.body} />
          <ArticleRating articleKey={article.data.key} myRating={article.data.myRating} onRated={onRated} />
          <Link to={kbPaths.article(article.data.key)} className="helper-article-open">
            {t('help.article.open')}
          </Link>
        </>
      )}
    </article>
  );
}
