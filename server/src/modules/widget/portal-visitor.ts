import type { FastifyRequest } from 'fastify';
import { type IdentityService, sessionCookie } from '../auth/identity-service.js';
import { sameOrigin } from '../live/same-origin.js';

/**
 * The signed-in user behind a widget session start on one of this server's own pages (the portal): their session
 * cookie, honoured only when the page is ours. A page of another site never gets a portal user's conversation:
 * the cookie is SameSite=Lax, and even if it came along, the Origin check refuses it here.
 */
export async function portalPageVisitor(
  request: FastifyRequest,
  identity: IdentityService,
): Promise<string | null> {
  const origin = request.headers.origin;
  if (origin === undefined || !sameOrigin(origin, request.host)) return null;
  const cookie = request.cookies[sessionCookie];
  if (!cookie) return null;
  const actor = await identity.actorFromSession(cookie);
  return actor?.id ?? null;
}
