import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { treePublishing } from './tree-publishing.js';
import { treeRoutes } from './tree-routes.js';
import { TreeWalks } from './tree-walks.js';

/** Question trees: publish checks of the articles their leaves name, walks recorded, per-node statistics. */
export const treesModule = fp(
  async (app) => {
    app.definitions.extend('tree', treePublishing(app.db));
    await app.register(treeRoutes, { prefix: apiPrefix, walks: new TreeWalks(app.db, app.clock) });
  },
  { name: 'trees', dependencies: ['definitions'] },
);
