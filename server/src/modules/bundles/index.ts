import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { bundleRoutes } from './bundle-routes.js';
import { BundleService } from './bundle-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    bundles: BundleService;
  }
}

/** Export and import of definitions, records and knowledge-base content as one JSON file (templates use it). */
export const bundlesModule = fp(
  async (app) => {
    const bundles = new BundleService(app.db, app.definitions, app.records, app.kb, app.clock);
    app.decorate('bundles', bundles);
    await app.register(bundleRoutes, { prefix: apiPrefix, bundles });
  },
  { name: 'bundles', dependencies: ['records', 'kb'] },
);
