import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database, Em } from '../../db/database.js';
import { AppError, fail } from '../../http/app-error.js';
import { ErrorResponse, errorResponses, IdParams } from '../../http/schemas.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { signalBoard } from '../supervisor/board-signal.js';
import { csatView, lockAsk } from './csat-row.js';
import {
  CsatSchema,
  RateInput,
  StatsQuery,
  StatsSchema,
  TokenParams,
  TokenRatingSchema,
} from './csat-schemas.js';
import { csatStats } from './csat-stats.js';
import { csatTokenHash } from './csat-token.js';
import { applyRating } from './record-rating.js';

const tags = ['csat'];

/**
 * Ratings: the e-mailed link's page (no sign-in: the token is the proof, for this one dialog, until it expires or
 * the dialog reopens), a dialog's rating for the operators' screen, and the aggregates supervisors read.
 */
export const csatRoutes: FastifyPluginAsyncTypebox<{ db: Database; clock: Clock }> = async (
  app,
  { db, clock },
) => {
  /** The ask behind a link, locked; 404 for an unknown link, 410 for an expired one. */
  const askByToken = async (tx: Em, token: string) => {
    const ask = await lockAsk(db, tx, { tokenHash: csatTokenHash(token) });
    if (!ask) throw fail.notFound('rating link');
    if (new Date(ask.row.token_expires_at as string).getTime() <= dateOf(clock).getTime())
      throw new AppError(410, 'csat_link_expired', 'csat_link_expired');
    return ask;
  };

  app.get(
    '/csat/ratings/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The rating an e-mailed link gives (no sign-in): score so far, until when, whether it can change',
        params: TokenParams,
        response: { 200: TokenRatingSchema, 410: ErrorResponse, ...errorResponses },
      },
    },
    (request) =>
      db.transaction(async (tx) => {
        const ask = await askByToken(tx, request.params.token);
        const view = csatView(ask.row);
        return {
          score: view.score,
          comment: view.comment,
          expiresAt: new Date(ask.row.token_expires_at as string).toISOString(),
          changeable: ask.changeable,
        };
      }),
  );

  app.post(
    '/csat/ratings/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Rate a dialog through its e-mailed link: 1–5 and an optional comment; may be changed until it reopens',
        params: TokenParams,
        body: RateInput,
        response: { 200: TokenRatingSchema, 410: ErrorResponse, ...errorResponses },
      },
    },
    (request) =>
      db.transaction(async (tx) => {
        const ask = await askByToken(tx, request.params.token);
        const { score, comment } = request.body;
        const { rating, scoreChanged } = await applyRating(
          db,
          tx,
          ask,
          { score, comment: comment ?? '' },
          dateOf(clock),
        );
        // No message tells the supervisors' boards of a rating given on this page: «Оценки сегодня» would lag.
        if (scoreChanged) await signalBoard(app.liveHub, tx);
        return {
          score: rating.score,
          comment: rating.comment,
          expiresAt: new Date(ask.row.token_expires_at as string).toISOString(),
          changeable: true,
        };
      }),
  );

  app.get(
    '/conversations/:id/csat',
    {
      config: { access: contactCentre },
      schema: {
        tags,
        summary: 'The client’s rating of a dialog (null when they were never asked)',
        params: IdParams,
        response: { 200: Type.Object({ rating: Type.Union([CsatSchema, Type.Null()]) }), ...errorResponses },
      },
    },
    async (request) => {
      const [row] = await db.query<Record<string, unknown>>('select * from csat where conversation_id = ?', [
        request.params.id,
      ]);
      return { rating: row ? csatView(row) : null };
    },
  );

  app.get(
    '/csat',
    {
      config: { access: ['admin', 'supervisor'] },
      schema: {
        tags,
        summary:
          'CSAT for a period: how many ratings, their average and distribution, by line and/or operator',
        description: '`from` inclusive, `to` exclusive, both on when the client rated.',
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...errorResponses },
      },
    },
    (request) => {
      const { from, to } = request.query;
      if (from && to && new Date(from) >= new Date(to))
        throw new AppError(400, 'csat_period_empty', 'csat_period_empty');
      return csatStats(db, request.query);
    },
  );
};
