import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type PageMeta, withPageMeta } from '../portal-pages/seo-html.js';

/** Title, description and first content of a portal page, rendered on the server for search engines. */
export type DescribePage = (request: FastifyRequest) => Promise<PageMeta | null>;

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
/** Where the built SPAs are; tests may point elsewhere. */
export interface UiRoots {
  designerDist: string;
  portalDist: string;
}
export const builtUi: UiRoots = {
  designerDist: join(repoRoot, 'designer', 'dist'),
  portalDist: join(repoRoot, 'portal', 'dist'),
};

/**
 * Serves the built single-page apps: the designer under /designer/, the portal at the root.
 * Returns the fallback used for unknown non-API GETs (the SPA's client-side routes), or undefined when no UI is built.
 */
export async function registerUiApps(
  app: FastifyInstance,
  describe?: DescribePage,
  { designerDist, portalDist }: UiRoots = builtUi,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined) | undefined> {
  const hasDesigner = existsSync(join(designerDist, 'index.html'));
  const hasPortal = existsSync(join(portalDist, 'index.html'));
  if (hasDesigner)
    await app.register(fastifyStatic, {
      root: designerDist,
      prefix: '/designer/',
      wildcard: false,
      index: 'index.html',
    });
  if (hasPortal)
    await app.register(fastifyStatic, {
      root: portalDist,
      prefix: '/',
      decorateReply: !hasDesigner,
      wildcard: false,
      index: 'index.html',
    });
  if (!hasDesigner && !hasPortal) return undefined;
  const portalIndex = hasPortal ? readFileSync(join(portalDist, 'index.html'), 'utf8') : '';
  const renderPortal = async (request: FastifyRequest, reply: FastifyReply) => {
    // A page that is missing or not for this visitor simply gets the plain app, which says so itself.
    const meta = describe ? await describe(request).catch(() => null) : null;
    if (!meta) return reply.sendFile('index.html', portalDist);
    const url = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
    return reply.type('text/html; charset=utf-8').send(withPageMeta(portalIndex, meta, url));
  };
  return (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) return undefined;
    if (hasDesigner && (request.url === '/designer' || request.url.startsWith('/designer/')))
      return reply.sendFile('index.html', designerDist);
    if (hasPortal) {
      void renderPortal(request, reply);
      return reply;
    }
    return undefined;
  };
}
