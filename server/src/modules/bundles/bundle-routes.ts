import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, errorResponses } from '../../http/schemas.js';
import { canDesign } from '../auth/roles.js';
import { Kind } from '../definitions/definition-schemas.js';
import type { BundleService } from './bundle-service.js';

const tags = ['bundles'];
const Ref = Type.Object({ kind: Type.String(), key: Type.String() });

/** Export definitions to one JSON file and import such a file back, all or nothing. */
export const bundleRoutes: FastifyPluginAsyncTypebox<{ bundles: BundleService }> = async (
  app,
  { bundles },
) => {
  app.get(
    '/bundles/export',
    {
      config: { access: canDesign },
      schema: {
        tags,
        summary: 'Export definitions (all, one kind, or listed ids) as a bundle file',
        querystring: Type.Object(
          {
            kind: Type.Optional(Kind),
            knowledgeBase: Type.Optional(
              Type.Boolean({ description: 'include the knowledge base (categories, articles, synonyms)' }),
            ),
            ids: Type.Optional(
              Type.String({
                pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36})*$',
                description: 'comma-separated definition ids',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({}, { additionalProperties: true, description: 'An opora-bundle document' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const bundle = await bundles.export({
        kind: request.query.kind,
        ids: request.query.ids?.split(','),
        knowledgeBase: request.query.knowledgeBase,
      });
      const date = bundle.exportedAt?.slice(0, 10) ?? 'export';
      reply.header('content-disposition', `attachment; filename="opora-bundle-${date}.json"`);
      return bundle;
    },
  );

  app.post(
    '/bundles/import',
    {
      // A bundle carries up to 100,000 records and 200,000 articles (see the bundle schema).
      config: { access: canDesign, jsonLimits: { items: 200_000 } },
      schema: {
        tags,
        summary:
          'Import a bundle: creates or updates drafts, publishes what the bundle marks published, adds its records',
        body: Type.Object({}, { additionalProperties: true, description: 'An opora-bundle document' }),
        response: {
          200: Type.Object({
            created: Type.Array(Ref),
            updated: Type.Array(Ref),
            published: Type.Array(Type.Composite([Ref, Type.Object({ version: Type.Integer() })])),
            records: Type.Integer(),
            knowledgeBase: Type.Optional(
              Type.Object({ categories: Type.Integer(), articles: Type.Integer(), synonyms: Type.Integer() }),
            ),
          }),
          422: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    (request) => bundles.import(request.body, request.actor, requestLocale(request)),
  );
};
