import fp from 'fastify-plugin';
import { apiPrefix } from '../../../http/http-platform.js';
import { kbArticleDocument, kbArticleEntity } from './article-document.js';
import { processReviews } from './process-reviews.js';
import { kbReviewRoutes } from './review-routes.js';

/**
 * The knowledge base's review as a process: an article sent for review starts the processes that start on
 * `kb.review` with the article as their document (`@kb-article`); their `setStatus` publishes it or returns it to
 * a draft, and their approvals are fixed to its text. Registered after both modules it joins.
 */
export const kbReviewModule = fp(
  async (app) => {
    app.processDocuments.register(kbArticleEntity, kbArticleDocument(app.db, app.kb.articles));
    app.kb.articles.useReviews(processReviews(app.db, () => app.processInstances));
    await app.register(kbReviewRoutes, { prefix: apiPrefix, db: app.db });
  },
  { name: 'kb-review', dependencies: ['kb', 'processes'] },
);
