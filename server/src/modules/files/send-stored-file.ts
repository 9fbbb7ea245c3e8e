import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentDisposition } from './file-names.js';

interface StoredFile {
  name: string;
  sha256: string;
  size: number;
  contentType: string;
}

/**
 * Answers a download of a stored file. Content is addressed by its hash, so the hash is a perfect validator
 * (304 on If-None-Match); `inline` files (images, video) show in the page, the rest download. Opened in a tab,
 * an HTML or SVG file still runs no script on our origin.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  options: { cacheControl: string; inline: boolean; content: () => Promise<Readable> },
) {
  const caching = { etag: `"${file.sha256}"`, 'cache-control': options.cacheControl };
  if (request.headers['if-none-match'] === caching.etag) return reply.headers(caching).status(304).send(null);
  // Opened before any header is set, so a missing content answers with a plain error.
  const content = await options.content();
  const disposition = contentDisposition(file.name);
  return reply
    .headers({
      ...caching,
      'content-type': file.contentType,
      'content-length': file.size,
      'content-disposition': options.inline ? disposition.replace(/^attachment/, 'inline') : disposition,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    })
    .send(content);
}
