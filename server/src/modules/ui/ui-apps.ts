import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
export const designerDist = join(repoRoot, 'designer', 'dist');
export const portalDist = join(repoRoot, 'portal', 'dist');

/**
 * Serves the built single-page apps: the designer under /designer/, the portal at the root.
 * Returns the fallback used for unknown non-API GETs (the SPA's client-side routes), or undefined when no UI is built.
 */
export async function registerUiApps(
  app: FastifyInstance,
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
  return (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) return undefined;
    if (hasDesigner && (request.url === '/designer' || request.url.startsWith('/designer/')))
      return reply.sendFile('index.html', designerDist);
    if (hasPortal) return reply.sendFile('index.html', portalDist);
    return undefined;
  };
}
