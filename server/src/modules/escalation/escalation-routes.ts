import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, Uuid } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { ConversationSchema } from '../conversations/conversation-schemas.js';
import { conversationView } from '../conversations/rows.js';
import { type EscalationDeps, escalate, escalatedTo, escalationDraft } from './escalate.js';

const tags = ['conversations'];
const Request = Type.Object({
  id: Uuid,
  entity: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
});
/** A record's data as the create form sends it; the record service validates it against its type. */
const Data = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 });

async function findConversation(db: Database, id: string) {
  const [row] = await db.query<Record<string, unknown>>('select * from conversation where id = ?', [id]);
  if (!row) throw fail.notFound('conversation');
  return conversationView(row);
}

/** Escalation to the second line from «Диалоги», and the request card's way back to its dialogs. */
export const escalationRoutes: FastifyPluginAsyncTypebox<EscalationDeps> = async (app, deps) => {
  const { db } = deps;
  const config = { access: contactCentre };

  app.get(
    '/conversations/:id/escalation',
    {
      config,
      schema: {
        tags,
        summary: 'The request a dialog was handed to, else the draft its create form opens with',
        params: IdParams,
        response: {
          200: Type.Object({
            request: Type.Union([Request, Type.Null()]),
            draft: Type.Union([
              Type.Object({ entity: Type.String(), data: Data, attachments: Type.Integer() }),
              Type.Null(),
            ]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await findConversation(db, request.params.id);
      const existing = await escalatedTo(db, found);
      if (existing || found.channel === 'portal') return { request: existing, draft: null };
      return { request: null, draft: await escalationDraft(deps, found, requestLocale(request)) };
    },
  );

  app.post(
    '/conversations/:id/escalate',
    {
      config,
      schema: {
        tags,
        summary:
          'Hand a dialog to the second line: a request with its transcript and files, linked both ways',
        description: '409 when the dialog was escalated before (the error names the request).',
        params: IdParams,
        body: Type.Object({ data: Data }, { additionalProperties: false }),
        response: { 201: Request, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await escalate(
        deps,
        request.params.id,
        request.body.data,
        request.actor as Actor,
        requestLocale(request),
      );
      return reply.status(201).send(made);
    },
  );

  app.get(
    '/escalations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'The dialogs handed to a request (for its card)',
        params: IdParams,
        response: { 200: Type.Object({ conversations: Type.Array(ConversationSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await db.query<Record<string, unknown>>(
        `select * from conversation where request_record_id = ? and channel <> 'portal'
          order by opened_at limit 20`,
        [request.params.id],
      );
      return { conversations: rows.map(conversationView) };
    },
  );
};
