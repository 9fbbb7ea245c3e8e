import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { dateOf } from '../../adapters/clock.js';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { linkOrigin } from '../auth/link-origin.js';
import { sendStoredFile } from '../files/send-stored-file.js';
import { contactCentre } from './contact-centre.js';
import { conversationAttachment } from './conversation-files.js';
import { markRead, unreadConversations } from './conversation-reads.js';
import { ConversationSchema } from './conversation-schemas.js';
import { setConversationStatus } from './conversation-status.js';

const tags = ['conversations'];

/** The work screen's «Диалоги»: closing and reopening, what each operator has read, attachments to open. */
export const conversationWorkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app;
  const config = { access: contactCentre };
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  for (const [action, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const)
    app.post(
      `/conversations/:id/${action}`,
      {
        config,
        schema: {
          tags,
          summary:
            action === 'close'
              ? 'Close a conversation: stamps its resolution time (kept on a later reopen) and writes an audit row'
              : 'Reopen a closed conversation',
          params: IdParams,
          response: { 200: ConversationSchema, ...errorResponses },
        },
      },
      (request) =>
        setConversationStatus(
          {
            db,
            hub: app.liveHub,
            listeners: app.conversations.statusListeners,
            origin: linkOrigin(app.settings.publicUrl, request),
          },
          request.params.id,
          status,
          actor(request),
          dateOf(clock),
        ),
    );

  app.post(
    '/conversations/:id/read',
    {
      config,
      schema: {
        tags,
        summary: 'Mark a conversation read by the caller up to a message `seq` (only ever moves forward)',
        params: IdParams,
        body: Type.Object(
          { seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ lastReadSeq: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => markRead(db, actor(request).id, request.params.id, request.body.seq, dateOf(clock)),
  );

  app.get(
    '/conversations/unread',
    {
      config,
      schema: {
        tags,
        summary: 'How many open conversations have client messages the caller has not read (at most 100)',
        response: { 200: Type.Object({ count: Type.Integer() }), ...errorResponses },
      },
    },
    (request) => unreadConversations(db, actor(request).id),
  );

  app.get(
    '/conversations/:id/files/:fileId',
    {
      config,
      schema: {
        tags,
        summary: 'Download an attachment of one of the conversation’s messages',
        params: Type.Object(
          { id: Uuid, fileId: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
          { additionalProperties: false },
        ),
        produces: ['application/octet-stream'],
        response: { 200: Type.Unknown({ description: 'The file' }), 304: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ref = await conversationAttachment(db, request.params.id, request.params.fileId);
      return sendStoredFile(
        request,
        reply,
        { name: ref.name, sha256: ref.fileId, size: ref.size, contentType: ref.contentType },
        {
          cacheControl: 'private, no-cache',
          // Pictures show in the history; anything else downloads.
          inline: /^image\/(png|jpeg|gif|webp)$/.test(ref.contentType),
          content: async () => {
            const stream = await app.fileStore.open(ref.fileId);
            if (!stream) throw new Error(`attachment ${ref.fileId} is missing from the file store`);
            return stream;
          },
        },
      );
    },
  );
};
