import { contentKeyPattern, type PageBody, type PortalBody } from '@opora/runtime/definitions';
import type { FastifyRequest } from 'fastify';
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { articleMeta, type PageMeta } from './seo-html.js';
import type { SiteService } from './site-service.js';

const articlePath = new RegExp(`^/kb/(${contentKeyPattern.slice(1, -1)})/?$`);

/**
 * Titles and descriptions of the portal pages search engines index: articles (with their text) and the home
 * page. Other paths get the plain app. Only what the requesting visitor may read is described.
 */
export function describePortalPage(kb: KnowledgeBase, site: SiteService) {
  return async (request: FastifyRequest): Promise<PageMeta | null> => {
    const path = request.url.split('?')[0] ?? '';
    const portal = (await site.site()).body as PortalBody | null;
    const siteName = portal?.name.ru ?? 'Портал поддержки';
    const article = articlePath.exec(path);
    if (article) return articleMeta(await kb.portal.visible(article[1]!, request.actor), siteName);
    if (path === '/') {
      const page = (await site.page('/', request.actor)).body as PageBody;
      return {
        title: `${page.title.ru} — ${siteName}`,
        description: page.description?.ru ?? portal?.tagline?.ru ?? siteName,
      };
    }
    return null;
  };
}
