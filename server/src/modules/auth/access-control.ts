import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../http/app-error.js';
import { type Access, allows } from './actor.js';
import { type IdentityService, sessionCookie } from './identity-service.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every API route must say who may call it (`config.access`); a route that does not is a start-up error,
 * so nothing is public by accident. Requests are authenticated, authorised and CSRF-checked before their body
 * is even validated, so callers without rights learn nothing from validation messages.
 */
export function registerAccessControl(app: FastifyInstance, identity: IdentityService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
    route.schema = { ...route.schema, ...accessDocs(access) } as typeof route.schema;
    // Anonymous writes are the cheapest thing to abuse; they get a limit unless the route sets its own.
    if (access === 'public' && route.method !== 'GET' && !route.config?.rateLimit)
      route.config = { ...route.config, rateLimit: { max: 30, timeWindow: '1 minute' } };
  });
  app.addHook('onRequest', async (request) => {
    request.actor = await authenticate(request, identity);
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const verdict = allows(access, request.actor);
    if (verdict === 'unauthenticated') throw fail.unauthorized();
    if (verdict === 'forbidden') throw fail.forbidden();
    const csrfChecked = request.routeOptions.config?.csrf !== 'origin-checked';
    if (csrfChecked && request.actor?.via === 'session' && !safeMethods.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.actor.csrfToken) throw fail.csrf();
    }
  });
}

async function authenticate(request: FastifyRequest, identity: IdentityService) {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return identity.actorFromToken(header.slice(7).trim());
  const cookie = request.cookies[sessionCookie];
  return cookie ? identity.actorFromSession(cookie) : null;
}

/** OpenAPI: `security` for authenticated routes and the `x-roles` extension the role × route matrix test reads. */
function accessDocs(access: Access): Record<string, unknown> {
  if (access === 'public') return { security: [], 'x-roles': 'public' };
  const security = [{ session: [] }, { bearer: [] }];
  return { security, 'x-roles': access === 'authenticated' ? 'authenticated' : [...access] };
}
