import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { definitionRoutes } from './definition-routes.js';
import { DefinitionService } from './definition-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    definitions: DefinitionService;
  }
}

/**
 * Drafts, published versions and archiving of every kind. Modules that own a kind add its publish checks and
 * save-time cleaning to `app.definitions` (extend / cleanOnSave).
 */
export const definitionsModule = fp(
  async (app) => {
    const definitions = new DefinitionService(app.db, app.clock);
    app.decorate('definitions', definitions);
    // Listening before the first request: a publish in another process must reach this one's cache.
    app.addHook('onReady', () => definitions.publishedCache.start());
    app.addHook('onClose', () => definitions.publishedCache.stop());
    await app.register(definitionRoutes, { prefix: apiPrefix, definitions });
  },
  { name: 'definitions', dependencies: ['auth'] },
);
