import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { AuditSchema, errorResponses, NoContent, PageOf, Paging, Uuid } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { RecordService } from './record-service.js';

const tags = ['records'];
const Entity = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' });
const EntityParams = Type.Object({ entity: Entity }, { additionalProperties: false });
const RecordParams = Type.Object({ entity: Entity, id: Uuid }, { additionalProperties: false });
export const Data = Type.Object(
  {},
  { additionalProperties: true, description: 'Field values; validated against the published entity' },
);
const Version = Type.Integer({ minimum: 1 });

export const RecordSchema = Type.Object({
  id: Type.String(),
  entity: Type.String(),
  number: Type.Integer(),
  entityVersion: Type.Integer(),
  title: Type.String(),
  data: Type.Unknown(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});

/** Generic records of any published entity definition. */
export const recordRoutes: FastifyPluginAsyncTypebox<{ records: RecordService }> = async (
  app,
  { records },
) => {
  // Open to every signed-in user: what each may do is the data type's rights, checked in RecordService.
  const config = { access: 'authenticated' as const };

  app.get(
    '/records/:entity',
    {
      config,
      schema: {
        tags,
        summary: 'List records: full-text search, filters, sorting, pagination',
        params: EntityParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 500 })),
            filter: Type.Optional(
              Type.Array(Type.String({ maxLength: 500 }), {
                maxItems: 20,
                description: 'field:op:value (eq, ne, lt, lte, gt, gte, contains, in, empty)',
              }),
            ),
            sort: Type.Optional(Type.String({ maxLength: 64, description: 'field or -field' })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(RecordSchema), ...errorResponses },
      },
    },
    (request) => records.list(request.params.entity, request.query, request.actor),
  );

  app.post(
    '/records/:entity',
    {
      config,
      schema: {
        tags,
        summary: 'Create a record',
        params: EntityParams,
        body: Type.Object({ data: Data }, { additionalProperties: false }),
        response: { 201: RecordSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await records.create(
            request.params.entity,
            request.body.data,
            request.actor,
            requestLocale(request),
          ),
        ),
  );

  app.get(
    '/records/:entity/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Get a record',
        params: RecordParams,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    (request) => records.get(request.params.entity, request.params.id, request.actor),
  );

  app.patch(
    '/records/:entity/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change fields of a record (optimistic concurrency on version)',
        params: RecordParams,
        body: Type.Object({ version: Version, data: Data }, { additionalProperties: false }),
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    (request) =>
      records.update(
        request.params.entity,
        request.params.id,
        request.body.version,
        request.body.data,
        request.actor,
        requestLocale(request),
      ),
  );

  app.delete(
    '/records/:entity/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a record (soft; stays in the audit log)',
        params: RecordParams,
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await records.remove(request.params.entity, request.params.id, request.query.version, request.actor);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/records/:entity/:id/audit',
    {
      // The raw trail names colleagues; clients follow their requests in «Мои обращения».
      config: { access: staff },
      schema: {
        tags,
        summary: 'Change history of a record',
        params: RecordParams,
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: PageOf(AuditSchema), ...errorResponses },
      },
    },
    (request) =>
      records.history(
        request.params.entity,
        request.params.id,
        request.query.limit ?? 50,
        request.query.offset ?? 0,
        request.actor,
      ),
  );
};
