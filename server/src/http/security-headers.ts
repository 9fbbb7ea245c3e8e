import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { videoHosts } from '../html/sanitize.js';

/**
 * Which headers an answer gets: `api` for JSON (nothing to load, nothing to frame), `app` for the single-page apps
 * (designer, portal, operator screens, API docs: never framed), `framed-by-self` for the portal's draft preview the
 * page designer shows in an iframe of the same origin.
 */
export type HeaderPolicy = 'api' | 'app' | 'framed-by-self';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Overrides the path rule for one route. The chat widget will be the one part other sites may frame: its
     * routes will set a policy of their own here (frame-ancestors from the sites an admin lists).
     */
    headerPolicy?: HeaderPolicy;
  }
}

/** What the SPAs load: their own bundles (Monaco's workers too), inline styles, and the article video players. */
const appDirectives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  // ajv compiles definition and record schemas into functions in the browser (the same validation code as the
  // server's, and record types are defined at run time): that needs eval. Inline and foreign scripts stay refused.
  'script-src': ["'self'", "'unsafe-eval'"],
  'script-src-attr': ["'none'"],
  // Monaco, React Flow and TipTap set style attributes and inject <style> elements at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Monaco's codicon font is a bundled file; small fonts may be inlined by Vite as data: URLs.
  'font-src': ["'self'", 'data:'],
  // Articles may show pictures and videos from other sites (the sanitizer keeps http/https sources).
  'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  'media-src': ["'self'", 'blob:', 'https:', 'http:'],
  // 'self' covers the live WebSocket (ws:/wss: of the same host) in current browsers.
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  // The page designer's preview is the portal in a same-origin iframe; articles embed known video players only
  // (host without a scheme: https on an https site, either on a plain-http one).
  'frame-src': ["'self'", ...videoHosts],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
};

function helmetOptions(policy: HeaderPolicy): HelmetOptions {
  const framedBySelf = policy === 'framed-by-self';
  const directives =
    policy === 'api'
      ? { 'default-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] }
      : appDirectives;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, 'frame-ancestors': [framedBySelf ? "'self'" : "'none'"] },
    },
    xFrameOptions: { action: framedBySelf ? 'sameorigin' : 'deny' },
    // Not "no-referrer": embedded YouTube players refuse to play without the embedding site's origin.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS belongs to whoever terminates TLS (it knows whether every subdomain speaks HTTPS); plain-http
    // installs on a LAN must not be told to upgrade their requests either.
    strictTransportSecurity: false,
  };
}

type RawMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
const middlewares = Object.fromEntries(
  (['api', 'app', 'framed-by-self'] as const).map((policy) => [policy, helmet(helmetOptions(policy))]),
) as Record<HeaderPolicy, RawMiddleware>;

/** The policy for a request: a route's own choice, else by path. */
export function headerPolicyFor(url: string, routePolicy?: HeaderPolicy): HeaderPolicy {
  if (routePolicy) return routePolicy;
  const path = url.split('?')[0] ?? '';
  if (path === '/api/docs' || path.startsWith('/api/docs/')) return 'app';
  if (path === '/api' || path.startsWith('/api/')) return 'api';
  if (path.startsWith('/preview/')) return 'framed-by-self';
  return 'app';
}

/**
 * Security headers on every answer (pages, files, JSON, errors, 404s): set in onSend, which every reply passes
 * through, also the ones refused by an earlier hook. It uses helmet itself rather than @fastify/helmet, whose
 * options are per route: the SPA pages are served by the not-found handler (no route of their own), and the
 * portal's preview needs other framing than the rest of the portal, so the choice here is by path. API
 * answers are never stored by a browser or proxy, as they depend on who asks (session, token), unless a route
 * sets its own Cache-Control (stored files do, with their ETag); an answer that sets a cookie never is.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    applySecurityHeaders(request, reply);
    done(null, payload);
  });
}

/**
 * The headers for one answer. Answers fastify makes before any route context exists (a malformed URL, a too long
 * path parameter: its `frameworkErrors` option) run no hooks, so whoever renders them calls this too.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const policy = headerPolicyFor(request.url, request.routeOptions.config?.headerPolicy);
  middlewares[policy](request.raw, reply.raw, () => undefined);
  if (mustNotBeStored(reply, policy)) reply.header('cache-control', 'no-store');
}

function mustNotBeStored(reply: FastifyReply, policy: HeaderPolicy): boolean {
  return reply.hasHeader('set-cookie') || (policy === 'api' && !reply.hasHeader('cache-control'));
}

/**
 * Lets the listed sites frame this one answer (the chat widget's page): its CSP's `frame-ancestors` becomes them
 * (and this server itself), and `X-Frame-Options` — which cannot name sites — goes. Call it from the route's own
 * onSend, which runs after the headers above were set.
 */
export function allowFramingBy(reply: FastifyReply, origins: readonly string[]): void {
  const csp = String(reply.raw.getHeader('content-security-policy') ?? '');
  const ancestors = ["'self'", ...origins].join(' ');
  const directives = csp
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !directive.startsWith('frame-ancestors'));
  reply.raw.setHeader('content-security-policy', [...directives, `frame-ancestors ${ancestors}`].join(';'));
  reply.raw.removeHeader('x-frame-options');
}
