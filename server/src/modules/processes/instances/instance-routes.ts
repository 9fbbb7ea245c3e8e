import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionKeyPattern } from '@opora/runtime/definitions';
import type { InstanceStatus } from '@opora/runtime/processes';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../http/app-error.js';
import { requestLocale } from '../../../http/error-handler.js';
import { errorResponses, IdParams } from '../../../http/schemas.js';
import type { Actor } from '../../auth/actor.js';
import { staff } from '../../auth/roles.js';
import type { InstanceDeps } from './instance-deps.js';
import { listInstances } from './instance-list.js';
import { instanceById } from './instance-rows.js';
import { InstanceSummarySchema, InstanceViewSchema, instanceSummary, instanceView } from './instance-view.js';
import { deliverMessage } from './message-publish.js';
import type { ProcessInstances } from './process-instances.js';

const tags = ['processes'];
const Key = Type.String({ pattern: definitionKeyPattern, maxLength: 100 });
/** Variables from outside: an object of bounded size (the engine bounds each value again). */
const Variables = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 200 });
const RecordRef = Type.Object(
  { entity: Key, id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
const Status = Type.Union(['running', 'completed', 'terminated', 'failed'].map((s) => Type.Literal(s)));
const instanceNotFound = () => new AppError(404, 'process_instance_not_found', 'process_instance_not_found');

/** Process instances: start one, list and read them, cancel one, send them a message. */
export const instanceRoutes: FastifyPluginAsyncTypebox<{
  deps: InstanceDeps;
  instances: ProcessInstances;
}> = async (app, { deps, instances }) => {
  const config = { access: staff };

  app.post(
    '/processes/:key/instances',
    {
      config,
      schema: {
        tags,
        summary: 'Start the latest published version of a process',
        params: Type.Object({ key: Key }, { additionalProperties: false }),
        body: Type.Object(
          {
            variables: Type.Optional(Variables),
            record: Type.Optional(RecordRef),
            startEvent: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: InstanceViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { variables, record, startEvent } = request.body;
      const actor = request.actor as Actor;
      const { instanceId } = await instances.start(request.params.key, {
        ...(variables ? { variables } : {}),
        ...(record ? { record } : {}),
        ...(startEvent ? { startEvent } : {}),
        actor: actor.id,
      });
      const row = await instanceById(deps.db, undefined, instanceId);
      reply.status(201);
      return instanceView(deps.processes, row!, requestLocale(request));
    },
  );

  app.get(
    '/processes/instances',
    {
      config,
      schema: {
        tags,
        summary: 'Process instances, newest first',
        querystring: Type.Object(
          {
            process: Type.Optional(Key),
            status: Type.Optional(Status),
            record: Type.Optional(
              Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}:[^:]{1,100}$', maxLength: 200 }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            after: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(InstanceSummarySchema),
            nextCursor: Type.Optional(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { process, status, record, limit, after } = request.query;
      const page = await listInstances(deps.db, {
        ...(process ? { process } : {}),
        ...(status ? { status: status as InstanceStatus } : {}),
        ...(record ? { record } : {}),
        limit: limit ?? 50,
        ...(after ? { after } : {}),
      });
      const locale = requestLocale(request);
      const items = [];
      for (const row of page.items) items.push(await instanceSummary(deps.processes, row, locale));
      return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    },
  );

  app.get(
    '/processes/instances/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One process instance: variables, tokens, history, decisions',
        params: IdParams,
        response: { 200: InstanceViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await instanceById(deps.db, undefined, request.params.id);
      if (!row) throw instanceNotFound();
      return instanceView(deps.processes, row, requestLocale(request));
    },
  );

  app.post(
    '/processes/instances/:id/cancel',
    {
      config,
      schema: {
        tags,
        summary: 'Cancel a running instance: its tasks close, its timers stop',
        params: IdParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: InstanceViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const reason = request.body?.reason;
      const outcome = await instances.feed(id, { type: 'cancel', ...(reason ? { reason } : {}) });
      if (!outcome.ok) {
        if (!(await instanceById(deps.db, undefined, id))) throw instanceNotFound();
        throw new AppError(409, 'process_instance_ended', 'process_instance_ended');
      }
      const row = await instanceById(deps.db, undefined, id);
      return instanceView(deps.processes, row!, requestLocale(request));
    },
  );

  app.post(
    '/processes/messages',
    {
      config,
      schema: {
        tags,
        summary: 'Send a message to the instances waiting for it (and start processes that start on it)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            correlation: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Number()])),
            variables: Type.Optional(Variables),
            messageId: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ delivered: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const { name, correlation, variables, messageId } = request.body;
      return deps.db.transaction(async (tx) => {
        const [fresh] = await deps.db.query(
          `insert into process_message (id, name, delivered, received_at) values (?, ?, 0, now())
           on conflict (id) do nothing returning id`,
          [messageId, name],
          tx,
        );
        if (!fresh) return { delivered: 0 };
        const delivered = await deliverMessage(
          deps,
          tx,
          {
            name,
            ...(correlation !== undefined ? { correlation } : {}),
            ...(variables ? { variables: variables as never } : {}),
          },
          `api:${messageId}`,
        );
        await deps.db.query(
          'update process_message set delivered = ? where id = ?',
          [delivered, messageId],
          tx,
        );
        return { delivered };
      });
    },
  );
};
