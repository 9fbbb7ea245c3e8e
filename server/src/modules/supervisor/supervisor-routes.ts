import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, IdParams, maxOffset } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { ConversationSchema } from '../conversations/conversation-schemas.js';
import type { ActionDeps } from '../distribution/dialog-actions.js';
import { assignBySupervisor } from './assign-by-supervisor.js';
import { type BoardDeps, supervisorBoard } from './board.js';
import { todaysBreaches } from './breaches.js';
import { joinDialog } from './join-dialog.js';
import { AssignInputSchema, AssignmentSchema, BoardSchema, BreachPageSchema } from './supervisor-schemas.js';

const tags = ['supervisor'];
const config = { access: ['admin', 'supervisor'] as const };

/** The supervisor's board, today's SLA breaches, giving a dialog to an operator by hand and joining one. */
export const supervisorRoutes: FastifyPluginAsyncTypebox<{ deps: ActionDeps & BoardDeps }> = async (
  app,
  { deps },
) => {
  app.get(
    '/supervisor/board',
    {
      config,
      schema: {
        tags,
        summary:
          'Every published line: queue, longest wait, operators at work and their load, dialogs in progress with SLA state, today’s ratings',
        response: { 200: BoardSchema, ...errorResponses },
      },
    },
    () => supervisorBoard(deps),
  );

  app.get(
    '/supervisor/breaches',
    {
      config,
      schema: {
        tags,
        summary: 'Dialogs that missed a line’s first-response or resolution target today, newest first',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: BreachPageSchema, ...errorResponses },
      },
    },
    (request) =>
      todaysBreaches(deps, { limit: request.query.limit ?? 30, offset: request.query.offset ?? 0 }),
  );

  app.post(
    '/supervisor/dialogs/:id/assign',
    {
      config,
      schema: {
        tags,
        summary:
          'Give a dialog to an operator (online and serving its line, else 409); may exceed their capacity — `overCapacity` says so',
        params: IdParams,
        body: AssignInputSchema,
        response: { 200: AssignmentSchema, ...errorResponses },
      },
    },
    (request) => assignBySupervisor(deps, request.params.id, request.body.operatorId, request.actor as Actor),
  );

  app.post(
    '/supervisor/dialogs/:id/join',
    {
      config,
      schema: {
        tags,
        summary:
          'Lead a dialog oneself — one the bot talks with (the bot pauses) or one waiting; 409 `dialog_taken` when an operator leads it',
        params: IdParams,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    (request) => joinDialog(deps, request.params.id, request.actor as Actor),
  );
};
