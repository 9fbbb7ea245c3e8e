import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { errorResponses, IdParams, maxOffset, Uuid } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import type { RecordService } from '../records/record-service.js';
import { checkAnswerAttachments } from './answer-attachments.js';
import { contactCentre } from './contact-centre.js';
import { conversationMessages, listConversations } from './conversation-list.js';
import {
  ContactSummarySchema,
  ConversationAnswerInputSchema,
  ConversationListItemSchema,
  ConversationSchema,
  MessageSchema,
  TimelineCursor,
} from './conversation-schemas.js';
import type { ConversationStore } from './conversation-store.js';

const tags = ['conversations'];

/** The operators' side of conversations: the list, a conversation's history, answers, the client's timeline. */
export const conversationRoutes: FastifyPluginAsyncTypebox<{
  conversations: ConversationStore;
  records: RecordService;
}> = async (app, { conversations, records }) => {
  const { db } = app;
  const config = { access: contactCentre };
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.get(
    '/conversations',
    {
      config,
      schema: {
        tags,
        summary: 'Conversations of every channel, most recently active first, with the last message',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(ConversationListItemSchema),
            hasMore: Type.Boolean(),
            limit: Type.Integer(),
            offset: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      listConversations(db, {
        status: request.query.status,
        limit: request.query.limit ?? 30,
        offset: request.query.offset ?? 0,
        userId: actor(request).id,
      }),
  );

  app.get(
    '/conversations/:id/messages',
    {
      config,
      schema: {
        tags,
        summary:
          'A conversation and its messages after `afterSeq` (0: from the start), or the latest before `beforeSeq`, oldest first',
        params: IdParams,
        querystring: Type.Object(
          {
            afterSeq: Type.Optional(
              Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
            ),
            beforeSeq: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            conversation: ConversationSchema,
            contact: ContactSummarySchema,
            messages: Type.Array(MessageSchema),
          }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      conversationMessages(db, request.params.id, {
        afterSeq: request.query.afterSeq ?? 0,
        beforeSeq: request.query.beforeSeq,
        limit: request.query.limit ?? 200,
      }),
  );

  app.post(
    '/conversations/:id/messages',
    {
      config,
      schema: {
        tags,
        summary:
          'Answer a conversation (or leave an internal note) with text, uploaded files or both; a repeated clientMessageId answers once',
        params: IdParams,
        body: ConversationAnswerInputSchema,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { text = '', internal, clientMessageId, attachments = [] } = request.body;
      if (!text && !attachments.length)
        throw fail.validation([{ pointer: '/text', message: { key: 'answer_empty' }, code: 'required' }]);
      const message = await conversations.answer(
        request.params.id,
        {
          authorKind: 'operator',
          internal,
          clientMessageId,
          message: { text, parts: [], attachments: await checkAnswerAttachments(app.fileStore, attachments) },
        },
        actor(request),
      );
      return reply.status(201).send(message);
    },
  );

  app.get(
    '/records/:entity/:id/conversations',
    {
      config,
      schema: {
        tags,
        summary:
          'The client card’s timeline: the client’s conversations of every channel with their messages',
        params: Type.Object(
          { entity: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }), id: Uuid },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          {
            before: Type.Optional(TimelineCursor),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 10 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            conversations: Type.Array(ConversationSchema),
            messages: Type.Array(MessageSchema),
            contacts: Type.Array(ContactSummarySchema),
            nextBefore: Type.Optional(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      // Reading the card is the permission to read its timeline: the data type's access rights decide.
      await records.get(request.params.entity, request.params.id, actor(request));
      return conversations.timeline(request.params.id, request.query);
    },
  );

  app.post(
    '/contacts/:id/merge',
    {
      config,
      schema: {
        tags,
        summary: 'Put a contact (and its card’s other contacts) on another client card; both histories stay',
        params: IdParams,
        body: Type.Object({ clientRecordId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Object({ movedContacts: Type.Integer(), movedConversations: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    (request) => conversations.mergeContact(request.params.id, request.body.clientRecordId, actor(request)),
  );
};
