import type { Database } from '../../../db/database.js';
import type { ProcessInstances } from '../../processes/instances/process-instances.js';
import type { ArticleReviews } from '../article-reviews.js';
import { kbArticleEntity } from './article-document.js';

/** The message an article sent for review starts its review process with (the template's `kb-article-review`). */
export const kbReviewMessage = 'kb.review';

/**
 * An article sent for review starts every published process that starts on `kb.review`, about the article and
 * authored by whoever sent it (four eyes keeps them off the approval); with none published nothing starts. Each
 * sending starts once: the key names the article's version, which the move to review made new. An editor who
 * moves the article out of review by hand (publishes it, or withdraws it to a draft) overrides its review, as
 * editors always could: the review is cancelled, its tasks leave the reviewers' inboxes, and no stale approval
 * can move the article afterwards.
 */
export function processReviews(db: Database, instances: () => ProcessInstances): ArticleReviews {
  return {
    async sent(tx, article, actor) {
      await instances().startOnMessage(
        kbReviewMessage,
        {
          record: { entity: kbArticleEntity, id: article.id },
          variables: {
            articleId: article.id,
            title: article.title,
            ...(actor ? { authorId: actor.id } : {}),
          },
          ...(actor ? { actor: actor.id } : {}),
          idempotencyKey: `${kbReviewMessage}:${article.id}:${article.version}`,
        },
        tx,
      );
    },
    async leaving(tx, articleId, to) {
      const running = await db.query<{ id: string }>(
        `select id from process_instance where record_entity = ? and record_id = ? and status = 'running'
          order by id limit 20`,
        [kbArticleEntity, articleId],
        tx,
      );
      for (const { id } of running)
        await instances().feed(id, { type: 'cancel', reason: `an editor moved the article to ${to}` }, tx);
    },
  };
}
