import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { dialogSideRoutes } from './dialog-side-routes.js';

/**
 * What the operator has beside a dialog: articles suggested from the client's words (the knowledge base's search)
 * and the client card the dialog belongs to, with linking to another card or creating one.
 */
export const dialogSideModule = fp(
  async (app) => {
    const { db, definitions, records } = app;
    await app.register(dialogSideRoutes, {
      prefix: apiPrefix,
      db,
      definitions,
      records,
      hub: app.liveHub,
      search: app.kb.search,
    });
  },
  { name: 'dialog-side', dependencies: ['conversations', 'kb', 'records', 'definitions'] },
);
