import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type Clock, dateOf } from '../../adapters/clock.js';
import { AppError } from '../../http/app-error.js';
import { errorResponses } from '../../http/schemas.js';
import { lockAsk } from '../csat/csat-row.js';
import { CommentInput, CsatSchema } from '../csat/csat-schemas.js';
import { applyRating } from '../csat/record-rating.js';
import { bearerOf, type VisitorTokens } from './visitor-token.js';
import type { WidgetChannels } from './widget-channels.js';
import { widgetCors } from './widget-cors.js';
import { ChannelKeyParams } from './widget-schemas.js';

/**
 * `POST /widget/:channelKey/csat/comment`: the comment box the widget shows under a rating the visitor just gave.
 * It goes to the visitor's latest rated dialog; refused when they have rated none, or it has reopened since.
 */
export const widgetCsatRoute: FastifyPluginAsyncTypebox<{
  tokens: VisitorTokens;
  clock: Clock;
  channels: WidgetChannels;
}> = async (app, { tokens, clock, channels }) => {
  const { db } = app;
  app.addHook('onRequest', (request, reply) => widgetCors(channels, request, reply));
  app.post(
    '/widget/:channelKey/csat/comment',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['widget'],
        summary: 'Add a comment to the rating the visitor gave their latest closed dialog',
        params: ChannelKeyParams,
        body: CommentInput,
        response: { 200: Type.Object({ rating: CsatSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const claims = tokens.verify(bearerOf(request.headers.authorization), request.params.channelKey);
      if (!claims) throw new AppError(401, 'widget_session_invalid', 'widget_session_invalid');
      return db.transaction(async (tx) => {
        const [latest] = await db.query<{ conversation_id: string }>(
          `select s.conversation_id from csat s join conversation c on c.id = s.conversation_id
             join contact ct on ct.id = c.contact_id
            where ct.channel_key = ? and ct.external_id = ? and s.score is not null
            order by s.rated_at desc limit 1`,
          [claims.channelKey, claims.visitorId],
          tx,
        );
        const ask = latest ? await lockAsk(db, tx, { conversationId: latest.conversation_id }) : null;
        if (!ask) throw new AppError(409, 'csat_not_rated', 'csat_not_rated');
        const { rating } = await applyRating(db, tx, ask, { comment: request.body.comment }, dateOf(clock));
        return { rating };
      });
    },
  );
};
