import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EntityBody, FormBody } from '@opora/runtime/definitions';
import { compileForm } from '@opora/runtime/forms';
import { Type } from '@sinclair/typebox';
import { errorResponses, IdParams } from '../../../http/schemas.js';
import type { Actor } from '../../auth/actor.js';
import { clientTaskDetail, clientTaskForm, completeClientTask, listClientTasks } from './client-tasks.js';
import type { TaskDeps } from './task-deps.js';
import { TaskListSchema, TaskSchema } from './task-schemas.js';

export interface ClientTaskRoutesOptions {
  deps: TaskDeps;
  /** Whether the record is one of the client's requests («Мои обращения» decides). */
  ownsRequest: (actor: Actor, recordId: string) => Promise<boolean>;
  /** A published form with the data type it fills (the forms module). */
  publishedForm: (key: string) => Promise<{ form: unknown; entity: unknown }>;
}

const tags = ['portal'];
const config = { access: ['client'] as const };
const actorOf = (request: { actor: Actor | null }) => request.actor as Actor;

const ClientTaskQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

// No outcome: approvals and their outcomes are staff work; a client fills in a form or revises what they sent.
const ClientCompleteBody = Type.Object(
  {
    variables: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 }),
    ),
    comment: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

const Published = Type.Object({ key: Type.String(), version: Type.Integer(), body: Type.Unknown() });

const ClientTaskDetailSchema = Type.Intersect([
  TaskSchema,
  Type.Object({ requestId: Type.Optional(Type.String()) }),
]);

/** «Мои задачи» of the portal account: the process tasks assigned to the signed-in client, and only those. */
export const clientTaskRoutes: FastifyPluginAsyncTypebox<ClientTaskRoutesOptions> = async (
  app,
  { deps, ownsRequest, publishedForm },
) => {
  app.get(
    '/portal/my/tasks',
    {
      config,
      schema: {
        tags,
        summary: 'The caller’s process tasks (open or done), in due order, with counts',
        querystring: ClientTaskQuery,
        response: { 200: TaskListSchema, ...errorResponses },
      },
    },
    (request) => listClientTasks(deps, actorOf(request), request.query),
  );

  app.get(
    '/portal/my/tasks/:id',
    {
      config,
      schema: {
        tags,
        summary:
          'One of the caller’s tasks (404 for anyone else’s), with the request it is about when theirs',
        params: IdParams,
        response: { 200: ClientTaskDetailSchema, ...errorResponses },
      },
    },
    (request) => clientTaskDetail(deps, actorOf(request), request.params.id, ownsRequest),
  );

  app.get(
    '/portal/my/tasks/:id/form',
    {
      config,
      schema: {
        tags,
        summary:
          'The published form of one of the caller’s tasks, with the data type it fills (404 without one), and what the process holds for its fields',
        params: IdParams,
        response: {
          200: Type.Object({
            form: Published,
            entity: Published,
            /** The process's values of the form's own fields: the form opens with them. */
            values: Type.Record(Type.String(), Type.Unknown()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const task = await clientTaskForm(deps, actorOf(request), request.params.id);
      const published = (await publishedForm(task.formKey)) as {
        form: { key: string; version: number; body: unknown };
        entity: { key: string; version: number; body: unknown };
      };
      const fields = compileForm(published.entity.body as EntityBody, published.form.body as FormBody).fields;
      return { ...published, values: await task.valuesOf(fields.map((f) => f.key)) };
    },
  );

  app.post(
    '/portal/my/tasks/:id/complete',
    {
      config,
      schema: {
        tags,
        summary: 'Send the task’s form (its answers become the process’s variables); the process moves on',
        params: IdParams,
        body: ClientCompleteBody,
        response: { 200: TaskSchema, ...errorResponses },
      },
    },
    (request) => completeClientTask(deps, actorOf(request), request.params.id, request.body),
  );
};
