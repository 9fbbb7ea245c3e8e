import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, NoContent, PageOf, Paging } from '../../http/schemas.js';
import { kbEditors } from './kb-access.js';
import type { SearchGaps } from './search/search-gaps.js';
import type { SynonymService } from './search/synonym-service.js';

const tags = ['knowledge base'];
const SynonymsSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), terms: Type.Array(Type.String()) })),
});

/** How search understands visitors: the synonyms list, and the report of queries that found nothing. */
export const kbAdminRoutes: FastifyPluginAsyncTypebox<{
  synonyms: SynonymService;
  gaps: SearchGaps;
}> = async (app, { synonyms, gaps }) => {
  const config = { access: kbEditors };

  app.get(
    '/kb/synonyms',
    {
      config,
      schema: {
        tags,
        summary: 'The synonyms list used by search',
        response: { 200: SynonymsSchema, ...errorResponses },
      },
    },
    () => synonyms.list(),
  );

  app.put(
    '/kb/synonyms',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the synonyms list (groups of words or phrases that mean the same)',
        body: Type.Object(
          {
            groups: Type.Array(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 }), {
              maxItems: 1000,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SynonymsSchema, ...errorResponses },
      },
    },
    (request) => synonyms.save(request.body.groups, requestLocale(request)),
  );

  app.get(
    '/kb/search-gaps',
    {
      config,
      schema: {
        tags,
        summary: 'Queries visitors typed that found nothing or no exact answer, most frequent first',
        querystring: Type.Object(
          {
            ...Paging,
            kind: Type.Optional(
              Type.Union([Type.Literal('zero'), Type.Literal('weak')], {
                description: '`zero`: found nothing; `weak`: found only articles not covering the query',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: PageOf(
            Type.Object({
              id: Type.String(),
              query: Type.String(),
              kind: Type.Union([Type.Literal('zero'), Type.Literal('weak')]),
              count: Type.Integer(),
              firstAt: Type.String(),
              lastAt: Type.String(),
              shown: Type.Array(Type.String(), {
                description: 'Titles of the first articles shown last time',
              }),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    (request) => gaps.list(request.query.limit ?? 50, request.query.offset ?? 0, request.query.kind),
  );

  app.delete(
    '/kb/search-gaps/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Remove a query from the report',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await gaps.dismiss(request.params.id);
      return reply.status(204).send(null);
    },
  );
};
