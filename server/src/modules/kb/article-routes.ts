import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, NoContent, PageOf, Paging } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { ArticleQueries } from './article-queries.js';
import type { ArticleService } from './article-service.js';
import { kbEditors } from './kb-access.js';
import {
  ArticleInputSchema,
  ArticleSchema,
  ArticleStateSchema,
  ArticleSummarySchema,
  ArticleUpdateSchema,
  AudienceSchema,
  RatingSchema,
  VersionSchema,
  VersionSummarySchema,
} from './kb-schemas.js';

const tags = ['knowledge base'];
const Version = Type.Integer({ minimum: 1 });

/** Articles as editors work on them: every state, revisions, ratings. Staff read; editors write. */
export const articleRoutes: FastifyPluginAsyncTypebox<{
  articles: ArticleService;
  queries: ArticleQueries;
}> = async (app, { articles, queries }) => {
  const read = { access: staff };
  const write = { access: kbEditors };

  app.get(
    '/kb/articles',
    {
      config: read,
      schema: {
        tags,
        summary: 'List articles in any state: search, filters, sort, pagination',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 2000 })),
            state: Type.Optional(ArticleStateSchema),
            audience: Type.Optional(AudienceSchema),
            category: Type.Optional(Type.String({ maxLength: 100 })),
            tag: Type.Optional(Type.String({ maxLength: 60 })),
            sort: Type.Optional(
              Type.Union(
                ['updatedAt', '-updatedAt', 'title', '-title', 'views', '-views'].map((s) => Type.Literal(s)),
              ),
            ),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(ArticleSummarySchema), ...errorResponses },
      },
    },
    (request) => queries.list(request.query as never),
  );

  app.post(
    '/kb/articles',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create an article (a draft); the key is made from the title unless given',
        body: ArticleInputSchema,
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await articles.create(request.body, request.actor, requestLocale(request))),
  );

  app.get(
    '/kb/articles/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An article with its body',
        params: IdParams,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    (request) => queries.get(request.params.id),
  );

  app.put(
    '/kb/articles/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Save a new revision of an article (optimistic concurrency on version)',
        params: IdParams,
        body: ArticleUpdateSchema,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    (request) => articles.update(request.params.id, request.body, request.actor, requestLocale(request)),
  );

  app.post(
    '/kb/articles/:id/state',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Move an article along its lifecycle: draft → review → published → archived (and back to draft)',
        params: IdParams,
        body: Type.Object({ version: Version, state: ArticleStateSchema }, { additionalProperties: false }),
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    (request) =>
      articles.setState(request.params.id, request.body.version, request.body.state, request.actor),
  );

  app.delete(
    '/kb/articles/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete an article that was never published (archive the others)',
        params: IdParams,
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await articles.remove(request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/kb/articles/:id/versions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Revisions of an article, newest first: what changed, who, when',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VersionSummarySchema) }), ...errorResponses },
      },
    },
    (request) => queries.versions(request.params.id),
  );

  app.get(
    '/kb/articles/:id/versions/:number',
    {
      config: read,
      schema: {
        tags,
        summary: 'One revision of an article, whole',
        params: Type.Object(
          { id: Type.String({ format: 'uuid' }), number: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    (request) => queries.version(request.params.id, request.params.number),
  );

  app.post(
    '/kb/articles/:id/restore',
    {
      config: write,
      schema: {
        tags,
        summary: 'Make an earlier revision the current text (as a new revision)',
        params: IdParams,
        body: Type.Object({ version: Version, from: Version }, { additionalProperties: false }),
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    (request) =>
      articles.restore(
        request.params.id,
        request.body.version,
        request.body.from,
        request.actor,
        requestLocale(request),
      ),
  );

  app.get(
    '/kb/articles/:id/ratings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Answers to «Была ли статья полезна?» with their comments, newest first',
        params: IdParams,
        querystring: Type.Object({ ...Paging }, { additionalProperties: false }),
        response: { 200: PageOf(RatingSchema), ...errorResponses },
      },
    },
    (request) => queries.ratings(request.params.id, request.query.limit ?? 50, request.query.offset ?? 0),
  );
};
