import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/schemas.js';
import type { SiteService } from './site-service.js';

const tags = ['portal'];

/** The portal's own definition and its published pages. */
export const siteRoutes: FastifyPluginAsyncTypebox<{ site: SiteService }> = async (app, { site }) => {
  app.get(
    '/portal/site',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'The published portal: name, logo, colours, menu, home page (body null until one is published)',
        response: {
          200: Type.Object({ body: Type.Unknown(), version: Type.Union([Type.Integer(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    () => site.site(),
  );

  app.get(
    '/portal/pages',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The published page at a path (`/` is the home page); 401/404 when it is not for the caller',
        querystring: Type.Object(
          { path: Type.String({ pattern: '^/[a-z0-9/_-]*$', maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ key: Type.String(), version: Type.Integer(), body: Type.Unknown() }),
          ...errorResponses,
        },
      },
    },
    (request) => site.page(request.query.path, request.actor),
  );
};
