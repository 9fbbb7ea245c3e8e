import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { answerTemplateRoutes } from './answer-template-routes.js';

/** Answer templates where operators use them: the composer's search over the published `template` definitions. */
export const answerTemplatesModule = fp(
  async (app) => {
    await app.register(answerTemplateRoutes, { prefix: apiPrefix });
  },
  { name: 'answer-templates', dependencies: ['auth', 'definitions'] },
);
