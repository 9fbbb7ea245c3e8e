import type { ArticleRating, Page } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { Pagination } from '../components/Pagination';
import { client } from '../lib/api';
import { errorText } from '../lib/error-text';
import { formatDateTime } from './format';

const limit = 20;

/** «Была ли статья полезна?» answers, newest first, with the comments people left. */
export function RatingsTab({
  articleId,
  helpful,
  notHelpful,
}: {
  articleId: string;
  helpful: number;
  notHelpful: number;
}) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<ArticleRating> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.kb
      .ratings(articleId, { limit, offset })
      .then(setPage, (e: unknown) => setError(errorText(e, t('common.loadFailed'))));
  }, [articleId, offset, t]);
  return (
    <div className="kb-ratings" data-testid="ratings-tab">
      <p className="kb-rating-totals">
        <span className="kb-vote up">{t('kb.ratings.helpful', { count: helpful })}</span>
        <span className="kb-vote down">{t('kb.ratings.notHelpful', { count: notHelpful })}</span>
      </p>
      <ErrorBanner message={error} />
      {page?.total === 0 && <div className="empty">{t('kb.ratings.empty')}</div>}
      {page && page.items.length > 0 && (
        <ul className="kb-rating-list">
          {page.items.map((r) => (
            <li key={r.id} className="card" data-testid="rating">
              <div className="kb-rating-head">
                <span className={r.helpful ? 'kb-vote up' : 'kb-vote down'}>
                  {r.helpful ? t('kb.ratings.yes') : t('kb.ratings.no')}
                </span>
                <span className="muted">{r.by ?? t('kb.ratings.visitor')}</span>
                <span className="spacer" />
                <span className="muted small">{formatDateTime(r.at, i18n.language)}</span>
              </div>
              {r.comment ? (
                <p className="kb-comment">{r.comment}</p>
              ) : (
                <p className="muted small">{t('kb.ratings.noComment')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {page && (
        <Pagination
          offset={offset}
          limit={limit}
          total={page.total}
          capped={page.totalCapped}
          onChange={setOffset}
        />
      )}
    </div>
  );
}
