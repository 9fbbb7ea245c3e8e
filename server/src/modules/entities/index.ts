import fp from 'fastify-plugin';
import { entityPublishing } from './entity-publishing.js';

/** Publishing a data type: changes that would break existing records are checked and migrated in one go. */
export const entitiesModule = fp(
  async (app) => {
    app.definitions.extend('entity', entityPublishing(app.db));
  },
  { name: 'entities', dependencies: ['definitions'] },
);
