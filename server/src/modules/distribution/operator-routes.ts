import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { dateOf } from '../../adapters/clock.js';
import { errorResponses, IdParams, maxOffset } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { contactCentre } from '../conversations/contact-centre.js';
import { listConversations } from '../conversations/conversation-list.js';
import { ConversationListItemSchema, ConversationSchema } from '../conversations/conversation-schemas.js';
import { type ActionDeps, returnToQueue, takeDialog, transferDialog } from './dialog-actions.js';
import {
  LineSummarySchema,
  MeSchema,
  OperatorProfileSchema,
  ProfileInputSchema,
  ScopeParams,
  StaffMemberSchema,
  StatusInputSchema,
  TransferInputSchema,
} from './distribution-schemas.js';
import { ensureProfile } from './operator-profile.js';
import { setOperatorStatus, updateOperatorProfile } from './operator-status.js';
import { queueCounts, servedLineKeys } from './served-lines.js';
import { staffList } from './staff-list.js';

const tags = ['distribution'];

/** Operators' state and the queues: status, «На мне» / «На команде», taking, transferring, returning dialogs. */
export const operatorRoutes: FastifyPluginAsyncTypebox<{ deps: ActionDeps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  const config = { access: contactCentre };
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.get(
    '/operators/me',
    {
      config,
      schema: {
        tags,
        summary:
          'My operator profile (status, capacity, groups, skills) and the counters of «На мне» and «На команде»',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const now = dateOf(clock);
      const profile = await ensureProfile(db, actor(request).id, now);
      const lines = await servedLineKeys(deps, actor(request), now);
      return { profile, counts: await queueCounts(db, actor(request).id, lines) };
    },
  );

  app.put(
    '/operators/me/status',
    {
      config,
      schema: {
        tags,
        summary:
          'Set my status: online (gets dialogs), away or offline (keeps the dialogs they lead, gets no new ones)',
        body: StatusInputSchema,
        response: { 200: OperatorProfileSchema, ...errorResponses },
      },
    },
    (request) => setOperatorStatus(deps, actor(request).id, request.body.status, request.body.auto === true),
  );

  app.get(
    '/operators',
    {
      config,
      schema: {
        tags,
        summary: 'Staff who work with dialogs: status, load and capacity (whom a dialog may be passed to)',
        response: { 200: Type.Object({ items: Type.Array(StaffMemberSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await staffList(db) }),
  );

  app.put(
    '/operators/:id/profile',
    {
      config: { access: ['admin', 'supervisor'] as const },
      schema: {
        tags,
        summary: 'Set an operator’s capacity (1–6, or null for the lines’ own), groups and skills',
        params: IdParams,
        body: ProfileInputSchema,
        response: { 200: OperatorProfileSchema, ...errorResponses },
      },
    },
    (request) => updateOperatorProfile(deps, request.params.id, request.body, actor(request)),
  );

  app.get(
    '/operator/lines',
    {
      config,
      schema: {
        tags,
        summary: 'Published lines a dialog may be transferred to',
        response: { 200: Type.Object({ items: Type.Array(LineSummarySchema) }), ...errorResponses },
      },
    },
    async () => ({
      items: (await deps.lines.all()).map((line) => ({ key: line.key, title: line.body.title })),
    }),
  );

  app.get(
    '/operator/queues/:scope',
    {
      config,
      schema: {
        tags,
        summary:
          '«На мне» (open dialogs I lead, most recent first) or «На команде» (waiting dialogs of my lines, queue order)',
        params: ScopeParams,
        querystring: Type.Object(
          {
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
    async (request) => {
      const me = actor(request);
      const scope =
        request.params.scope === 'mine'
          ? { mine: me.id }
          : { queueOf: await servedLineKeys(deps, me, dateOf(clock)) };
      return listConversations(db, {
        limit: request.query.limit ?? 30,
        offset: request.query.offset ?? 0,
        userId: me.id,
        scope,
      });
    },
  );

  app.post(
    '/conversations/:id/take',
    {
      config,
      schema: {
        tags,
        summary:
          'Take a waiting dialog; 409 `dialog_taken` names who took it first, 409 `operator_full` when the caller is at capacity',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    (request) => takeDialog(deps, request.params.id, actor(request)),
  );

  app.post(
    '/conversations/:id/transfer',
    {
      config,
      schema: {
        tags,
        summary:
          'Pass a dialog to an operator (online, serving its line, with room — else 409) or to another line’s queue, with a note colleagues see',
        params: IdParams,
        body: TransferInputSchema,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    (request) => transferDialog(deps, request.params.id, request.body, actor(request)),
  );

  app.post(
    '/conversations/:id/return',
    {
      config,
      schema: {
        tags,
        summary: 'Return a dialog to its line’s queue (it keeps its place and goes to another operator)',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    (request) => returnToQueue(deps, request.params.id, actor(request)),
  );
};
