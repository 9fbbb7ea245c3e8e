import type { ArticleReview, ArticleState } from '@opora/sdk';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What the editor says about an article's review, line by line: who reviews it while it is under review; once
 * decided, what and by whom, with the reviewer's comment (what to change). Nothing for an old review the article
 * has moved on from (a published article edited into a draft again).
 */
export function reviewLines(review: ArticleReview | null, state: ArticleState, t: Translate): string[] {
  if (!review) return [];
  if (review.status === 'running') {
    if (state !== 'review') return [];
    const who = review.reviewers.map((r) => {
      const name = r.kind === 'role' ? t(`roles.${r.value}`, { defaultValue: r.value }) : (r.name ?? r.value);
      return r.claimedBy ? t('kb.review.claimed', { who: name, name: r.claimedBy }) : name;
    });
    return [t('kb.review.running', { who: who.join(', ') || t('kb.review.reviewer') })];
  }
  if (review.status === 'failed' || review.status === 'terminated') return [t(`kb.review.${review.status}`)];
  if (!review.outcome) return [];
  const decided = review.outcome === 'approved' ? state === 'published' : state === 'draft';
  if (!decided) return [];
  const name = review.decidedBy?.name ?? t('kb.review.reviewer');
  return [
    t(`kb.review.${review.outcome}`, { name }),
    ...(review.comment ? [t('kb.review.comment', { comment: review.comment })] : []),
  ];
}
