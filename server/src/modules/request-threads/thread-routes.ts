import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { messageLimits } from '@opora/runtime/conversations';
import { Type } from '@sinclair/typebox';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { contactCentre } from '../conversations/contact-centre.js';
import {
  AnswerInputSchema,
  ConversationSchema,
  MessageSchema,
} from '../conversations/conversation-schemas.js';
import type { RequestThreads } from './request-threads.js';

const tags = ['conversations'];
const ThreadSchema = Type.Object({ conversation: ConversationSchema, messages: Type.Array(MessageSchema) });
const RecordParams = Type.Object(
  { entity: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }), id: Uuid },
  { additionalProperties: false },
);
/** What a client writes in their request's thread; the id makes a retried send store it once. */
const ClientMessageInput = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: messageLimits.text, pattern: '\\S' }),
    clientMessageId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
  },
  { additionalProperties: false },
);

/** A request's thread: staff read and answer it from the request card, the client from «Мои обращения». */
export const threadRoutes: FastifyPluginAsyncTypebox<{ threads: RequestThreads }> = async (
  app,
  { threads },
) => {
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.get(
    '/records/:entity/:id/thread',
    {
      config: { access: contactCentre },
      schema: {
        tags,
        summary: 'A request’s thread with the client: every message, internal notes included',
        params: RecordParams,
        response: { 200: ThreadSchema, ...errorResponses },
      },
    },
    (request) => threads.forStaff(request.params.entity, request.params.id, actor(request)),
  );

  app.post(
    '/records/:entity/:id/thread',
    {
      config: { access: contactCentre },
      schema: {
        tags,
        summary: 'Answer the client in a request’s thread (also mailed to them) or leave an internal note',
        params: RecordParams,
        body: AnswerInputSchema,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { entity, id } = request.params;
      return reply.status(201).send(await threads.answer(entity, id, request.body, actor(request)));
    },
  );

  app.get(
    '/portal/my/requests/:id/messages',
    {
      config: { access: ['client'] },
      schema: {
        tags: ['portal'],
        summary: 'The thread of one of the caller’s requests: their messages and the specialists’ answers',
        params: IdParams,
        response: { 200: ThreadSchema, ...errorResponses },
      },
    },
    (request) => threads.forClient(actor(request), request.params.id),
  );

  app.post(
    '/portal/my/requests/:id/messages',
    {
      // A person types a few messages a minute; more is a script flooding the specialists' queue.
      config: { access: ['client'], rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['portal'],
        summary:
          'Write in the thread of one of the caller’s requests; a repeated clientMessageId stores once',
        params: IdParams,
        body: ClientMessageInput,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await threads.clientWrites(actor(request), request.params.id, request.body)),
  );
};
