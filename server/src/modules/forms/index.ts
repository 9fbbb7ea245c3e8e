import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { formPublishing } from './form-publishing.js';
import { formRoutes } from './form-routes.js';
import { FormService } from './form-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    forms: FormService;
  }
}

/** Forms: publish checks against their data type, and submissions evaluated again on the server. */
export const formsModule = fp(
  async (app) => {
    app.definitions.extend('form', formPublishing(app.definitions));
    const forms = new FormService({
      definitions: app.definitions,
      records: app.records,
      scripts: app.scripts,
      caller: app.integrations,
      timeZone: app.settings.timeZone,
      clock: app.clock,
      db: app.db,
      logFailure: (error) => app.log.error({ err: error }, 'form action failed'),
    });
    app.decorate('forms', forms);
    await app.register(formRoutes, { prefix: apiPrefix, forms });
  },
  { name: 'forms', dependencies: ['records', 'scripts'] },
);
