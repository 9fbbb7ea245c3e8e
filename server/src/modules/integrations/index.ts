import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { IntegrationCaller } from './integration-call.js';
import { integrationRoutes } from './integration-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    integrations: IntegrationCaller;
  }
}

/** Calls to external systems through an integration definition, its secrets and the HTTP gateway. */
export const integrationsModule = fp(
  async (app) => {
    const caller = new IntegrationCaller(app.definitions, app.secrets, app.gateway);
    app.decorate('integrations', caller);
    await app.register(integrationRoutes, { prefix: apiPrefix, caller });
  },
  { name: 'integrations', dependencies: ['definitions', 'secrets'] },
);
