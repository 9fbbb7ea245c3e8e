import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { literals } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { errorResponses, Uuid } from '../../http/schemas.js';
import { RecordSchema } from './record-routes.js';
import type { RecordTypes } from './record-types.js';
import type { RelatedRecords } from './related-records.js';

const tags = ['records'];
const LText = Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) });
const Scope = literals(['all', 'own', 'none']);

/** How records hang together: the published types, and the records that point at a record. */
export const relatedRoutes: FastifyPluginAsyncTypebox<{
  types: RecordTypes;
  related: RelatedRecords;
}> = async (app, { types, related }) => {
  // Open to every signed-in user: types and records are filtered by the data types' rights.
  const config = { access: 'authenticated' as const };

  app.get(
    '/record-types',
    {
      config,
      schema: {
        tags,
        summary:
          'The published data types the caller may read, with how far each operation reaches for them (all, own, none)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                version: Type.Integer(),
                label: LText,
                pluralLabel: Type.Union([LText, Type.Null()]),
                access: Type.Object({ read: Scope, create: Scope, update: Scope, delete: Scope }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => types.summaries(request.actor!),
  );

  app.get(
    '/records/:entity/:id/related',
    {
      config,
      schema: {
        tags,
        summary: 'Records of other types whose relation fields point at this record, per type and field',
        params: Type.Object(
          { entity: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }), id: Uuid },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                entity: Type.String(),
                entityLabel: LText,
                field: Type.String(),
                fieldLabel: LText,
                many: Type.Boolean(),
                total: Type.Integer({ description: 'Exact up to 10,000; beyond, 10,000 with totalCapped' }),
                totalCapped: Type.Boolean(),
                items: Type.Array(RecordSchema),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) =>
      related.of(request.params.entity, request.params.id, request.query.limit ?? 10, request.actor),
  );
};
