import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../../db/database.js';
import { errorResponses, IdParams } from '../../../http/schemas.js';
import { staff } from '../../auth/roles.js';
import { latestArticleReview } from './article-review.js';

const Opt = Type.Optional;
const ArticleReviewSchema = Type.Object({
  instanceId: Type.String(),
  status: Type.Union(['running', 'completed', 'terminated', 'failed'].map((s) => Type.Literal(s))),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Opt(Type.String({ format: 'date-time' })),
  reviewers: Type.Array(
    Type.Object({
      kind: Type.Union(['user', 'role', 'line'].map((s) => Type.Literal(s))),
      value: Type.String(),
      name: Opt(Type.String()),
      claimedBy: Opt(Type.String()),
    }),
  ),
  outcome: Opt(Type.Union(['approved', 'rejected', 'returned'].map((s) => Type.Literal(s)))),
  comment: Opt(Type.String()),
  decidedBy: Opt(Type.Object({ id: Type.String(), name: Type.String() })),
});

/** The editor's view of an article's review: who reviews it now, and what the last review decided and why. */
export const kbReviewRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/kb/articles/:id/review',
    {
      config: { access: staff },
      schema: {
        tags: ['knowledge base'],
        summary: 'The latest review process of an article: reviewers, outcome, the reviewer’s comment',
        params: IdParams,
        response: {
          200: Type.Object({ review: Type.Union([ArticleReviewSchema, Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ review: await latestArticleReview(db, request.params.id) }),
  );
};
