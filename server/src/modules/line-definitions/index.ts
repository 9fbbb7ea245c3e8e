import fp from 'fastify-plugin';
import { linePublishing } from './line-publishing.js';

/** Lines as definitions: the publish checks that look beyond one body (one default line among the published). */
export const lineDefinitionsModule = fp(
  async (app) => {
    app.definitions.extend('line', linePublishing(app.db));
  },
  { name: 'line-definitions', dependencies: ['definitions'] },
);
