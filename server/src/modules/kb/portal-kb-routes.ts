import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, maxOffset, NoContent, PageOf } from '../../http/schemas.js';
import {
  ArticleSummarySchema,
  ContentKey,
  KeyParams,
  PortalArticleSchema,
  SearchResultSchema,
} from './kb-schemas.js';
import type { PortalKbService } from './portal-kb-service.js';
import type { SearchService } from './search/search-service.js';
import { visitorOf } from './visitor.js';

const tags = ['portal: knowledge base'];
// Any text at all is a valid query: the search reduces it to a dozen words; only the transport bounds it.
const AnyQuery = Type.String({ maxLength: 20_000 });

/** What portal visitors use: search, suggestions, article lists, reading, views and «Была ли статья полезна?». */
export const portalKbRoutes: FastifyPluginAsyncTypebox<{
  portal: PortalKbService;
  search: SearchService;
}> = async (app, { portal, search }) => {
  const config = { access: 'public' as const };

  app.get(
    '/portal/kb/search',
    {
      config,
      schema: {
        tags,
        summary:
          'Search published articles the caller may read (Russian/English morphology, synonyms, typos)',
        description:
          'Results are ranked title matches first. `correctedQuery` is set when a misspelt word was replaced. ' +
          'For very broad queries `total` is an estimate (`totalIsEstimate`) and pages stop after 500 results.',
        querystring: Type.Object(
          {
            q: AnyQuery,
            category: Type.Optional(ContentKey),
            tag: Type.Optional(Type.String({ maxLength: 60 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SearchResultSchema, ...errorResponses },
      },
    },
    (request) => search.search(request.query, request.actor),
  );

  app.get(
    '/portal/kb/suggest',
    {
      config,
      schema: {
        tags,
        summary: 'Article titles for what is being typed (the last word as a prefix), most read first',
        querystring: Type.Object({ q: AnyQuery }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                title: Type.String(),
                categoryId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => search.suggest(request.query.q, request.actor),
  );

  app.get(
    '/portal/kb/articles',
    {
      config,
      schema: {
        tags,
        summary: 'Published articles: popular or recent, optionally of a category (and below) or with a tag',
        querystring: Type.Object(
          {
            category: Type.Optional(ContentKey),
            tag: Type.Optional(Type.String({ maxLength: 60 })),
            sort: Type.Optional(Type.Union([Type.Literal('popular'), Type.Literal('recent')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(ArticleSummarySchema), ...errorResponses },
      },
    },
    (request) => portal.list(request.query, request.actor),
  );

  app.get(
    '/portal/kb/articles/:key',
    {
      config,
      schema: {
        tags,
        summary: 'A published article as the portal shows it (404 when unpublished or not for the caller)',
        params: KeyParams,
        response: { 200: PortalArticleSchema, ...errorResponses },
      },
    },
    (request) => portal.article(request.params.key, request.actor, visitorOf(request)),
  );

  app.post(
    '/portal/kb/articles/:key/views',
    {
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Count one reading of an article',
        params: KeyParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await portal.recordView(request.params.key, request.actor);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/portal/kb/articles/:key/ratings',
    {
      config,
      schema: {
        tags,
        summary: '«Была ли статья полезна?» — one answer per visitor; a second one replaces the first',
        params: KeyParams,
        body: Type.Object(
          { helpful: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ helpful: Type.Integer(), notHelpful: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    (request, reply) =>
      portal.rate(request.params.key, request.body, request.actor, visitorOf(request, reply)!),
  );
};
