import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type PageMeta, withPageMeta } from '../portal-pages/seo-html.js';
import { revalidated, setAssetHeaders } from './asset-caching.js';

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

/** What an unknown non-API GET gets: the SPA's client-side route (a reply, possibly still being rendered) or nothing. */
export type UiFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply> | undefined;

const builtFilePath = /^\/(?:designer\/)?assets\//;

/**
 * What both apps' files share: the brotli or gzip copy build-uis.mjs wrote, as the browser accepts, and caching by
 * name (setAssetHeaders). No directory index: `/` is the portal's home page, rendered like any other page.
 */
const staticOptions = {
  wildcard: false,
  index: false,
  preCompressed: true,
  cacheControl: false,
  setHeaders: setAssetHeaders,
} as const;

/**
 * Serves the built single-page apps: the designer under /designer/, the portal at the root.
 * Returns the fallback used for unknown non-API GETs (the SPA's client-side routes), or undefined when no UI is built.
 * `roots` point at other builds (tests use a minimal portal page).
 */
export async function registerUiApps(
  app: FastifyInstance,
  describe?: DescribePage,
  { designerDist, portalDist }: UiRoots = builtUi,
): Promise<UiFallback | undefined> {
  const hasDesigner = existsSync(join(designerDist, 'index.html'));
  const hasPortal = existsSync(join(portalDist, 'index.html'));
  if (hasDesigner)
    await app.register(fastifyStatic, {
      ...staticOptions,
      root: designerDist,
      prefix: '/designer/',
    });
  if (hasPortal)
    await app.register(fastifyStatic, {
      ...staticOptions,
      root: portalDist,
      prefix: '/',
      decorateReply: !hasDesigner,
    });
  if (!hasDesigner && !hasPortal) return undefined;
  const portalIndex = hasPortal ? readFileSync(join(portalDist, 'index.html'), 'utf8') : '';
  const renderPortal = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    // A page that is missing or not for this visitor simply gets the plain app, which says so itself.
    const meta = describe ? await describe(request).catch(() => null) : null;
    if (!meta) return reply.sendFile('index.html', portalDist);
    const url = `${request.protocol}://${request.host}${request.url.split('?')[0]}`;
    try {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', revalidated)
        .send(withPageMeta(portalIndex, meta, url));
    } catch (error) {
      // The visitor still gets the page (the app renders it); the failure is ours to see in the log.
      request.log.error({ err: error }, 'server-rendered page meta failed');
      return reply.sendFile('index.html', portalDist);
    }
  };
  return (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) return undefined;
    // A built file that is not there (a page from an older build asking for its chunk) is a 404, not the app's
    // HTML under a script's name.
    if (builtFilePath.test(request.url)) return undefined;
    if (hasDesigner && (request.url === '/designer' || request.url.startsWith('/designer/')))
      return reply.sendFile('index.html', designerDist);
    // Handed back to fastify, so a rejection is answered through the error handler, never left unhandled.
    return hasPortal ? renderPortal(request, reply) : undefined;
  };
}
