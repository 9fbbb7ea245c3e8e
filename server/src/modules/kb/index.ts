import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { articleRoutes } from './article-routes.js';
import { categoryRoutes } from './category-routes.js';
import { kbAdminRoutes } from './kb-admin-routes.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { portalKbRoutes } from './portal-kb-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    kb: KnowledgeBase;
  }
}

/** The knowledge base: categories, articles, the portal's reading and search, synonyms and search gaps. */
export const knowledgeBaseModule = fp(
  async (app) => {
    const kb = createKnowledgeBase(app.db);
    app.decorate('kb', kb);
    const api = { prefix: apiPrefix };
    await app.register(categoryRoutes, { ...api, categories: kb.categories });
    await app.register(articleRoutes, { ...api, articles: kb.articles, queries: kb.queries });
    await app.register(portalKbRoutes, { ...api, portal: kb.portal, search: kb.search });
    await app.register(kbAdminRoutes, { ...api, synonyms: kb.synonyms, gaps: kb.gaps });
    // The embedded database has no autovacuum: search statistics are refreshed hourly.
    app.recurringJobs.add('kb.analyze', '43 * * * *', async () => {
      await app.db.query('analyze kb_article');
    });
  },
  { name: 'kb', dependencies: ['auth'] },
);
