import type { Article, ArticleReview } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../lib/api';
import { reviewLines } from './review-lines';

/**
 * The article's review under its title: «На проверке у: Аналитик, Администратор», then the decision and the
 * reviewer's comment. The page keys it by the article's version, so it reads again whenever the article changes
 * (sent for review, decided, saved).
 */
export function ArticleReviewNote({ article }: { article: Article }) {
  const { t } = useTranslation();
  const [review, setReview] = useState<ArticleReview | null>(null);
  useEffect(() => {
    let live = true;
    client.kb
      .review(article.id)
      .then((answer) => live && setReview(answer.review))
      // The note is a courtesy: the editor works without it.
      .catch(() => live && setReview(null));
    return () => {
      live = false;
    };
  }, [article.id]);
  const lines = reviewLines(review, article.state, t);
  if (!lines.length) return null;
  const tone = review?.status === 'running' ? 'info' : review?.outcome === 'approved' ? 'ok' : 'warn';
  return (
    <div className={`banner ${tone} kb-review-note`} role="status" data-testid="article-review">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
