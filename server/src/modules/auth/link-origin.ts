import type { FastifyRequest } from 'fastify';

/**
 * Where links in mail point: PUBLIC_URL when set (a Host header is the caller's to choose, and a reset link
 * must not lead anyone to a site the caller picked); otherwise, in development, the origin the request came to.
 */
export function linkOrigin(publicUrl: string | undefined, request: FastifyRequest): string {
  if (publicUrl) return publicUrl;
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return 'http://localhost';
  }
}
