import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { escalationRoutes } from './escalation-routes.js';

/**
 * Escalation to the second line: an operator turns a dialog into a request of the template's request type (its
 * create form, prefilled with the transcript), which carries the dialog's files and is linked to it both ways.
 */
export const escalationModule = fp(
  async (app) => {
    const { db, definitions, records, clock, conversations } = app;
    await app.register(escalationRoutes, {
      prefix: apiPrefix,
      db,
      definitions,
      records,
      clock,
      conversations,
    });
  },
  { name: 'escalation', dependencies: ['conversations', 'records', 'definitions'] },
);
