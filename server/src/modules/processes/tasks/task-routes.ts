import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Value } from '@opora/runtime/forms';
import { Type } from '@sinclair/typebox';
import { dateOf } from '../../../adapters/clock.js';
import { errorResponses, IdParams } from '../../../http/schemas.js';
import type { Actor } from '../../auth/actor.js';
import { staff } from '../../auth/roles.js';
import { recordApprovalSheet } from './approval-sheet.js';
import { bulkComplete } from './bulk-complete.js';
import { claimTask, unclaimTask } from './task-claim.js';
import { decideTask } from './task-decide.js';
import { delegateTask } from './task-delegate.js';
import type { TaskDeps } from './task-deps.js';
import { taskDetail } from './task-detail.js';
import { listTasks } from './task-list.js';
import { taskCaller } from './task-people.js';
import {
  ApprovalSheetRowSchema,
  BulkCompleteBody,
  BulkResultSchema,
  CompleteBody,
  DelegateBody,
  RecordParams,
  TaskDetailSchema,
  TaskListQuery,
  TaskListSchema,
  TaskSchema,
} from './task-schemas.js';

const tags = ['tasks'];
const config = { access: staff };
const actorOf = (request: { actor: Actor | null }) => request.actor as Actor;

/**
 * The inbox of process tasks (see the API contract in the processes module): lists with counts, a task with its
 * instance's variables, taking and letting go, deciding (approvals fixed to the document's content hash),
 * delegating, approving many at once, and a record's approval sheet.
 */
export const taskRoutes: FastifyPluginAsyncTypebox<{ deps: TaskDeps }> = async (app, { deps }) => {
  app.get(
    '/tasks',
    {
      config,
      schema: {
        tags,
        summary: 'The caller’s tasks (mine) or the team’s (supervisors), in due order, with counts',
        querystring: TaskListQuery,
        response: { 200: TaskListSchema, ...errorResponses },
      },
    },
    async (request) =>
      listTasks(deps, await taskCaller(deps, actorOf(request)), request.query, dateOf(deps.clock)),
  );

  app.post(
    '/tasks/bulk-complete',
    {
      config,
      schema: {
        tags,
        summary:
          'Approve up to 100 approval tasks, each on its own; answers which were decided and which not',
        body: BulkCompleteBody,
        response: { 200: BulkResultSchema, ...errorResponses },
      },
    },
    (request) => bulkComplete(deps, actorOf(request), request.body, request.log),
  );

  app.get(
    '/tasks/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A task with its process instance’s variables and the approval decisions so far',
        params: IdParams,
        response: { 200: TaskDetailSchema, ...errorResponses },
      },
    },
    (request) => taskDetail(deps, request.params.id),
  );

  app.post(
    '/tasks/:id/claim',
    {
      config,
      schema: {
        tags,
        summary: 'Take the task to work on',
        params: IdParams,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    (request) => claimTask(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/tasks/:id/unclaim',
    {
      config,
      schema: {
        tags,
        summary: 'Let a taken task go back to its assignees',
        params: IdParams,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    (request) => unclaimTask(deps, actorOf(request), request.params.id),
  );

  app.post(
    '/tasks/:id/complete',
    {
      config,
      schema: {
        tags,
        summary: 'Decide the task: an outcome, answers, a comment; approvals name the document hash seen',
        params: IdParams,
        body: CompleteBody,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    (request) => {
      const { variables, ...rest } = request.body;
      return decideTask(deps, actorOf(request), request.params.id, {
        ...rest,
        ...(variables ? { variables: variables as Record<string, Value> } : {}),
      });
    },
  );

  app.post(
    '/tasks/:id/delegate',
    {
      config,
      schema: {
        tags,
        summary: 'Pass an approval to another staff member',
        params: IdParams,
        body: DelegateBody,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    (request) => delegateTask(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/records/:entity/:id/approvals',
    {
      config,
      schema: {
        tags,
        summary: 'The record’s approval sheet (лист согласования): every decision of its approvals, in order',
        params: RecordParams,
        response: { 200: Type.Object({ items: Type.Array(ApprovalSheetRowSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await recordApprovalSheet(deps, actorOf(request), request.params) }),
  );
};
