import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { dateOf } from '../../adapters/clock.js';
import { fail } from '../../http/app-error.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { canDesign } from '../auth/roles.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { conversationView } from '../conversations/rows.js';
import type { BotDeps } from './bot-deps.js';
import { resumeBot } from './bot-resume.js';
import { botStats } from './bot-stats.js';
import { latestSession } from './session-rows.js';
import { BotSessionSchema, sessionView } from './session-view.js';
import { botHolds } from './turn-job.js';

const tags = ['bots'];
const Count = Type.Integer({ minimum: 0 });
const BotStatsSchema = Type.Object({
  sessions: Count,
  versions: Type.Array(Type.Integer()),
  blocks: Type.Record(
    Type.String(),
    Type.Object({ reached: Count, left: Count, handedOver: Count }, { additionalProperties: false }),
  ),
});

/**
 * The bot side of a dialog for the operator window (what the bot collected, handing the dialog back to it), and
 * how the bot's published versions do, block by block, for its designers.
 */
export const botRoutes: FastifyPluginAsyncTypebox<{ deps: BotDeps }> = async (app, { deps }) => {
  const config = { access: contactCentre };

  app.get(
    '/conversations/:id/bot',
    {
      config,
      schema: {
        tags,
        summary:
          'The dialog’s bot session: bot and pinned version, status, current block, collected variables',
        params: IdParams,
        response: { 200: BotSessionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const [row] = await deps.db.query<Record<string, unknown>>('select * from conversation where id = ?', [
        id,
      ]);
      if (!row) throw fail.notFound('conversation');
      const session = await latestSession(deps.db, undefined, id);
      if (!session) throw fail.notFound('bot session');
      return sessionView(session, !botHolds(conversationView(row)));
    },
  );

  app.post(
    '/conversations/:id/bot/resume',
    {
      config,
      schema: {
        tags,
        summary: 'Hand the dialog back to its bot at a block (by default the one the bot waits at)',
        params: IdParams,
        body: Type.Object(
          { blockId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: BotSessionSchema, ...errorResponses },
      },
    },
    (request) => resumeBot(deps, request.params.id, request.body.blockId, request.actor as Actor),
  );

  app.get(
    '/bots/:key/stats',
    {
      config: { access: canDesign },
      schema: {
        tags,
        summary:
          'How live sessions of a bot went, block by block: sessions that reached a block, ended or went silent there, were handed to operators from it',
        params: Type.Object(
          { key: Type.String({ pattern: definitionKeyPattern }) },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          // Versions are int4 in the database; a bound also refuses `1e309`, which JSON Schema counts as an integer.
          { version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) },
          { additionalProperties: false },
        ),
        response: { 200: BotStatsSchema, ...errorResponses },
      },
    },
    (request) => botStats(deps.db, request.params.key, request.query.version, dateOf(deps.clock)),
  );
};
