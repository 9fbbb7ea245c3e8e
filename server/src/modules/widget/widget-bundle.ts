import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { Negotiator } from '@fastify/accept-negotiator';

/** How the bundle goes out: build-uis.mjs writes `widget.js.br` and `widget.js.gz` beside `widget.js`. */
export type BundleEncoding = 'br' | 'gzip' | 'identity';
const extension: Record<BundleEncoding, string> = { br: '.br', gzip: '.gz', identity: '' };
const negotiator = new Negotiator<BundleEncoding>({ supportedValues: ['br', 'gzip'] });

/** The encoding to send for an Accept-Encoding header (`*` taken as gzip, like @fastify/static). */
export function bundleEncoding(acceptEncoding: string | undefined): BundleEncoding {
  if (!acceptEncoding) return 'identity';
  return negotiator.negotiate(acceptEncoding.toLowerCase().replaceAll('*', 'gzip')) ?? 'identity';
}

export interface BundleFile {
  content: Buffer;
  encoding: BundleEncoding;
  /** Differs per content and encoding, so a revalidating browser gets a 304 only for the bytes it holds. */
  etag: string;
}

interface Cached extends BundleFile {
  mtimeMs: number;
}

/**
 * The bundle in the encoding asked for, each file read again only when it changed (a rebuild while the server
 * runs). A compressed copy missing or older than the bundle (a build without build-uis.mjs) is not used: the
 * plain file is.
 */
export function bundleReader(path: string) {
  const cache = new Map<BundleEncoding, Cached>();
  const read = async (encoding: BundleEncoding): Promise<Cached> => {
    const file = path + extension[encoding];
    const { mtimeMs } = await stat(file);
    const cached = cache.get(encoding);
    if (cached?.mtimeMs === mtimeMs) return cached;
    const content = await readFile(file);
    const hash = createHash('sha256').update(content).digest('base64url').slice(0, 22);
    const fresh = { content, encoding, etag: `"${hash}"`, mtimeMs };
    cache.set(encoding, fresh);
    return fresh;
  };
  return async (encoding: BundleEncoding): Promise<BundleFile | null> => {
    try {
      const plain = await read('identity');
      if (encoding === 'identity') return plain;
      const compressed = await read(encoding).catch(() => null);
      return compressed && compressed.mtimeMs >= plain.mtimeMs ? compressed : plain;
    } catch {
      return null;
    }
  };
}
