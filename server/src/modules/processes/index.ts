import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { bpmnRoutes } from './bpmn-routes.js';
import { registerProcessTasks } from './tasks/index.js';

// Until the instances side lands, deciding a task answers 500 rather than pretending.
const notWiredYet = (): never => {
  throw new Error('process instances are not wired yet');
};

/** Business processes: for now their BPMN 2.0 import and export. */
export const processesModule = fp(
  async (app) => {
    await app.register(bpmnRoutes, { prefix: apiPrefix, definitions: app.definitions });
    await registerProcessTasks(app, notWiredYet);
  },
  { name: 'processes', dependencies: ['auth', 'definitions'] },
);
