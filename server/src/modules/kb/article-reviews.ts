import type { ArticleState } from '@opora/sdk';
import type { Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';

/** Who moves an article: a staff user from the editor, or a process on behalf of the reviewer who decided. */
export type ArticleActor = Pick<Actor, 'id' | 'name'>;

/**
 * What happens when an article is sent for review. The knowledge base knows nothing of processes: the review
 * module (review/) puts a process start here; without it, moving to `review` is only a state change.
 */
export interface ArticleReviews {
  /** The article just moved to `review` (in `tx`, with the state change): start its review. */
  sent(
    tx: Em,
    article: { id: string; title: string; version: number },
    actor: ArticleActor | null,
  ): Promise<void>;
  /**
   * An editor moves an article under review to `to` by hand (before its row is locked): the editor's move
   * overrides the review, which is cancelled.
   */
  leaving(tx: Em, articleId: string, to: ArticleState): Promise<void>;
}

export const noReviews: ArticleReviews = { sent: async () => {}, leaving: async () => {} };
