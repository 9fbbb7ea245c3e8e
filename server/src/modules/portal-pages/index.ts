import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { sanitizePageBody } from './page-html.js';
import { siteRoutes } from './site-routes.js';
import { SiteService } from './site-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    site: SiteService;
  }
}

/** The published portal and its pages; page HTML is sanitized whenever a draft is saved. */
export const portalPagesModule = fp(
  async (app) => {
    app.definitions.cleanOnSave('page', sanitizePageBody);
    const site = new SiteService(app.db);
    app.decorate('site', site);
    await app.register(siteRoutes, { prefix: apiPrefix, site });
  },
  { name: 'portal-pages', dependencies: ['definitions'] },
);
