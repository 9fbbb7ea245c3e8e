import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { viewRoutes } from './view-routes.js';
import { ViewService } from './view-service.js';

/** Saved list views of the work screens, per user and optionally shared. */
export const viewsModule = fp(
  async (app) => {
    await app.register(viewRoutes, { prefix: apiPrefix, views: new ViewService(app.db, app.definitions) });
  },
  { name: 'views', dependencies: ['definitions'] },
);
