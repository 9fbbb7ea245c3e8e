import type { ArticleReview } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { reviewLines } from './review-lines';

/** Keys and their values as the texts would get them (a role's fallback name left out). */
const t = (key: string, options: Record<string, unknown> = {}) => {
  const { defaultValue: _fallback, ...values } = options;
  return Object.keys(values).length ? `${key} ${JSON.stringify(values)}` : key;
};
const base: ArticleReview = {
  instanceId: 'i-1',
  status: 'completed',
  startedAt: '2026-12-04T05:00:00.000Z',
  reviewers: [],
};

describe('the editor’s note on an article’s review', () => {
  it('names the roles and people reviewing it while it is under review', () => {
    const review: ArticleReview = {
      ...base,
      status: 'running',
      reviewers: [
        { kind: 'role', value: 'analyst', claimedBy: 'Вера' },
        { kind: 'user', value: 'u-1', name: 'Олег' },
      ],
    };
    expect(reviewLines(review, 'review', t)).toEqual([
      `kb.review.running {"who":"kb.review.claimed {\\"who\\":\\"roles.analyst\\",\\"name\\":\\"Вера\\"}, Олег"}`,
    ]);
    expect(reviewLines(review, 'draft', t)).toEqual([]);
  });

  it('shows a return with the reviewer and the comment while the article is the returned draft', () => {
    const review: ArticleReview = {
      ...base,
      outcome: 'returned',
      comment: 'Добавьте снимки экрана',
      decidedBy: { id: 'u-2', name: 'Вера' },
    };
    expect(reviewLines(review, 'draft', t)).toEqual([
      'kb.review.returned {"name":"Вера"}',
      'kb.review.comment {"comment":"Добавьте снимки экрана"}',
    ]);
    // Sent again, the old return no longer speaks (the new review is not read yet).
    expect(reviewLines(review, 'review', t)).toEqual([]);
  });

  it('says nothing without a review, and what went wrong with a failed one', () => {
    expect(reviewLines(null, 'review', t)).toEqual([]);
    expect(reviewLines({ ...base, status: 'failed' }, 'review', t)).toEqual(['kb.review.failed']);
  });
});
