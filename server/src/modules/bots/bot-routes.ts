import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { conversationView } from '../conversations/rows.js';
import type { BotDeps } from './bot-deps.js';
import { resumeBot } from './bot-resume.js';
import { latestSession } from './session-rows.js';
import { BotSessionSchema, sessionView } from './session-view.js';
import { botHolds } from './turn-job.js';

const tags = ['bots'];

/** The bot side of a dialog for the operator window: what the bot collected, and handing the dialog back to it. */
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
};
