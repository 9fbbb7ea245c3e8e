import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, IdParams, NoContent } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { staff } from '../auth/roles.js';
import { SavedViewSchema, ViewInputSchema, ViewUpdateSchema } from './view-schemas.js';
import type { ViewService } from './view-service.js';

const tags = ['views'];

/** Saved views of the generated record lists, per user, optionally shared with colleagues. */
export const viewRoutes: FastifyPluginAsyncTypebox<{ views: ViewService }> = async (app, { views }) => {
  const config = { access: staff };
  // Access control has run: every caller of these routes is a signed-in staff member.
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.get(
    '/views',
    {
      config,
      schema: {
        tags,
        summary: 'Saved views of a data type: the caller’s own, then those colleagues shared',
        querystring: Type.Object(
          { entity: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,62}$' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SavedViewSchema) }), ...errorResponses },
      },
    },
    (request) => views.list(request.query.entity, actor(request)),
  );

  app.post(
    '/views',
    {
      config,
      schema: {
        tags,
        summary: 'Save a view (409 when the caller already has one with this name for the type)',
        body: ViewInputSchema,
        response: { 201: SavedViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await views.create(request.body, actor(request))),
  );

  app.put(
    '/views/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a view (its owner only)',
        params: IdParams,
        body: ViewUpdateSchema,
        response: { 200: SavedViewSchema, ...errorResponses },
      },
    },
    (request) => views.update(request.params.id, request.body, actor(request)),
  );

  app.delete(
    '/views/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a view (its owner; an administrator may remove a shared one)',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await views.remove(request.params.id, actor(request));
      return reply.status(204).send(null);
    },
  );
};
