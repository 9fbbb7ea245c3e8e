import type { Article } from '@opora/sdk';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

/** «Обновлено 9 мар. 2025 г., 14:30 · admin · 120 просмотров · 👍 5 / 1» and the portal link once published. */
export function ArticleMeta({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="kb-meta muted" data-testid="article-meta">
      <span>
        {t('kb.article.updated', { at: formatDateTime(article.updatedAt, i18n.language) })}
        {article.updatedBy ? ` · ${article.updatedBy}` : ''}
      </span>
      <span>{t('kb.article.views', { count: article.views })}</span>
      <span title={t('kb.article.ratingTitle')}>
        <span className="kb-vote up">{t('kb.ratings.helpful', { count: article.helpful })}</span>{' '}
        <span className="kb-vote down">{t('kb.ratings.notHelpful', { count: article.notHelpful })}</span>
      </span>
      {article.state === 'published' && (
        <a
          href={`/kb/${encodeURIComponent(article.key)}`}
          target="_blank"
          rel="noreferrer"
          data-testid="portal-link"
        >
          {t('kb.article.openOnPortal')} ↗
        </a>
      )}
    </p>
  );
}
