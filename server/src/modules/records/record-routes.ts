import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { AuditSchema, errorResponses, NoContent, PageOf, Paging } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import {
  EntityParams,
  RecordCreateBody,
  RecordDeleteQuery,
  RecordListQuery,
  RecordPageOf,
  RecordParams,
  RecordSchema,
  RecordUpdateBody,
} from './record-schemas.js';
import type { RecordService } from './record-service.js';

const tags = ['records'];

// Other modules' routes describe records with the same schemas.
export { Data, RecordSchema } from './record-schemas.js';

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
        summary:
          'List records: full-text search, filters, sorting; pages by cursor (after/before) or, for older clients, offset',
        params: EntityParams,
        querystring: RecordListQuery,
        response: { 200: RecordPageOf(RecordSchema), ...errorResponses },
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
        body: RecordCreateBody,
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
        body: RecordUpdateBody,
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
        querystring: RecordDeleteQuery,
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
        querystring: Type.Object(
          {
            ...Paging,
            after: Type.Optional(
              Type.String({
                pattern: '^[0-9]{1,18}$',
                description: "A page's nextCursor: the older entries",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Composite([
            PageOf(AuditSchema),
            Type.Object({
              totalCapped: Type.Boolean(),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          ]),
          ...errorResponses,
        },
      },
    },
    (request) =>
      records.history(
        request.params.entity,
        request.params.id,
        {
          limit: request.query.limit ?? 50,
          offset: request.query.offset ?? 0,
          ...(request.query.after ? { after: request.query.after } : {}),
        },
        request.actor,
      ),
  );
};
