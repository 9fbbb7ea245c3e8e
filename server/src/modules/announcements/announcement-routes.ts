import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role } from '@opora/sdk';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams, NoContent, PageOf, Paging } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { AnnouncementInputSchema, AnnouncementSchema } from './announcement-schemas.js';
import type { AnnouncementService } from './announcement-service.js';

/** Who writes announcements: those who run the service and design the portal. */
const canAnnounce: readonly Role[] = ['admin', 'supervisor', 'analyst'];
const tags = ['announcements'];

/** Announcements: the portal's banner and list (public), and their management (staff). */
export const announcementRoutes: FastifyPluginAsyncTypebox<{ announcements: AnnouncementService }> = async (
  app,
  { announcements },
) => {
  const config = { access: canAnnounce };
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.get(
    '/portal/announcements',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Announcements active now; with includePast also those ended in the last 30 days',
        querystring: Type.Object(
          {
            includePast: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AnnouncementSchema) }), ...errorResponses },
      },
    },
    (request) => announcements.current(request.query.includePast ?? false, request.query.limit ?? 20),
  );

  app.get(
    '/announcements',
    {
      config,
      schema: {
        tags,
        summary: 'All announcements, scheduled and ended ones included, newest start first',
        querystring: Type.Object(Paging, { additionalProperties: false }),
        response: { 200: PageOf(AnnouncementSchema), ...errorResponses },
      },
    },
    (request) => announcements.list(request.query.limit ?? 50, request.query.offset ?? 0),
  );

  app.post(
    '/announcements',
    {
      config,
      schema: {
        tags,
        summary: 'Create an announcement (its HTML is sanitized)',
        body: AnnouncementInputSchema,
        response: { 201: AnnouncementSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await announcements.create(request.body, actor(request), requestLocale(request))),
  );

  app.put(
    '/announcements/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an announcement',
        params: IdParams,
        body: AnnouncementInputSchema,
        response: { 200: AnnouncementSchema, ...errorResponses },
      },
    },
    (request) =>
      announcements.update(request.params.id, request.body, actor(request), requestLocale(request)),
  );

  app.delete(
    '/announcements/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete an announcement',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await announcements.remove(request.params.id);
      return reply.status(204).send(null);
    },
  );
};
