import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const cookie = 'opora_visitor';

/** Who rates: the signed-in user, else a random visitor id kept in a cookie (set on the first rating). */
export function visitorOf(request: FastifyRequest, reply?: FastifyReply): string | null {
  if (request.actor) return `user:${request.actor.id}`;
  const known = request.cookies[cookie];
  if (known && /^[0-9a-f-]{36}$/.test(known)) return `visitor:${known}`;
  if (!reply) return null;
  const id = randomUUID();
  reply.setCookie(cookie, id, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  return `visitor:${id}`;
}
