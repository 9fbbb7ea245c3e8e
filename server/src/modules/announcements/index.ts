import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { announcementRoutes } from './announcement-routes.js';
import { AnnouncementService } from './announcement-service.js';

/** Outage and maintenance notices shown on every portal page while active. */
export const announcementsModule = fp(
  async (app) => {
    await app.register(announcementRoutes, {
      prefix: apiPrefix,
      announcements: new AnnouncementService(app.db),
    });
  },
  { name: 'announcements', dependencies: ['auth'] },
);
