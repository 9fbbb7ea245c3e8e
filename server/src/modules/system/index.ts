import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { healthRoutes } from './health-routes.js';
import { infoRoutes } from './info-routes.js';

/** Liveness and readiness (outside the API prefix, for load balancers), product info and the audit log. */
export const systemModule = fp(
  async (app) => {
    await app.register(healthRoutes, { db: app.db });
    await app.register(infoRoutes, { prefix: apiPrefix, db: app.db, timeZone: app.settings.timeZone });
    await app.register(auditRoutes, { prefix: apiPrefix, db: app.db });
  },
  { name: 'system', dependencies: ['auth'] },
);
