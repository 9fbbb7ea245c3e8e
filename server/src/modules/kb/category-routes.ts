import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, NoContent } from '../../http/schemas.js';
import type { CategoryService } from './category-service.js';
import { kbEditors } from './kb-access.js';
import { CategoryInputSchema, CategorySchema, CategoryUpdateSchema } from './kb-schemas.js';

const tags = ['knowledge base'];

/** The category tree: read by everyone (portal menus), changed by editors. */
export const categoryRoutes: FastifyPluginAsyncTypebox<{ categories: CategoryService }> = async (
  app,
  { categories },
) => {
  app.get(
    '/kb/categories',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'All categories, with the number of published articles the caller may read in each',
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...errorResponses },
      },
    },
    (request) => categories.list(request.actor),
  );

  app.post(
    '/kb/categories',
    {
      config: { access: kbEditors },
      schema: {
        tags,
        summary: 'Create a category',
        body: CategoryInputSchema,
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await categories.create(request.body, request.actor, requestLocale(request))),
  );

  app.put(
    '/kb/categories/:id',
    {
      config: { access: kbEditors },
      schema: {
        tags,
        summary: 'Rename, move (never inside itself) or reorder a category',
        params: IdParams,
        body: CategoryUpdateSchema,
        response: { 200: CategorySchema, ...errorResponses },
      },
    },
    (request) => categories.update(request.params.id, request.body, requestLocale(request)),
  );

  app.delete(
    '/kb/categories/:id',
    {
      config: { access: kbEditors },
      schema: {
        tags,
        summary: 'Delete an empty category (409 while it holds articles or subcategories)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await categories.remove(request.params.id);
      return reply.status(204).send(null);
    },
  );
};
