import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { registerAccessControl } from './access-control.js';
import { IdentityService } from './identity-service.js';
import { sessionRoutes } from './session-routes.js';
import { tokenRoutes } from './token-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentityService;
  }
}

/**
 * Sessions, API tokens and access control. Registered before every other module: its onRoute hook checks that
 * each route declares who may call it, and its onRequest hook resolves the caller.
 */
export const authModule = fp(
  async (app) => {
    const identity = new IdentityService(app.db, app.settings.sessionTtlHours, app.clock);
    app.decorate('identity', identity);
    registerAccessControl(app, identity);
    await app.register(sessionRoutes, {
      prefix: apiPrefix,
      identity,
      secureCookies: app.settings.secureCookies,
      loginRateLimit: app.settings.loginRateLimit,
    });
    await app.register(tokenRoutes, { prefix: apiPrefix, db: app.db, identity });
    app.recurringJobs.add('sessions.purge-expired', '17 3 * * *', async (_payload, { em }) => {
      await app.db.query('delete from session where expires_at < now()', [], em);
    });
  },
  { name: 'auth', dependencies: ['adapters', 'http-platform'] },
);
