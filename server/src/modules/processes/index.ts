import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { bpmnRoutes } from './bpmn-routes.js';

/** Business processes: for now their BPMN 2.0 import and export. */
export const processesModule = fp(
  async (app) => {
    await app.register(bpmnRoutes, { prefix: apiPrefix, definitions: app.definitions });
  },
  { name: 'processes', dependencies: ['auth', 'definitions'] },
);
