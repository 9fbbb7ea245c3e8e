import { basename, dirname, sep } from 'node:path';

/**
 * A built file whose name carries its content hash (`assets/index-L9PrAzhz.js`): new content, new name. Its
 * compressed copy (`.js.br`, `.js.gz`) is what is often sent, so it counts the same.
 */
const hashedName = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+(?:\.br|\.gz)?$/;
const assetsDirectory = `${sep}assets`;

/** Whether `path` (a file of a Vite build) is content-hashed, so a browser may keep it for good. */
export function isHashedAsset(path: string): boolean {
  return dirname(path).endsWith(assetsDirectory) && hashedName.test(basename(path));
}

/** Cache-Control of a hashed file: never asked for again (the next build links other names). */
export const immutable = 'public, max-age=31536000, immutable';
/** Cache-Control of index.html and other unhashed files: kept, but checked (ETag) before each use. */
export const revalidated = 'no-cache';

/** What @fastify/static hands `setHeaders` (the raw response). */
interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
}

/**
 * @fastify/static's `setHeaders`: hashed files are immutable, the rest revalidated; every answer says it depends
 * on Accept-Encoding, as the same URL is sent as brotli, gzip or plain bytes.
 */
export function setAssetHeaders(response: HeaderTarget, path: string): void {
  response.setHeader('cache-control', isHashedAsset(path) ? immutable : revalidated);
  response.setHeader('vary', 'accept-encoding');
}
