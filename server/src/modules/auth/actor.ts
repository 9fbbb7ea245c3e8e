import type { Locale, Role } from '@opora/sdk';

/** Who is calling: resolved once per request from the session cookie or an API token. */
export interface Actor {
  id: string;
  login: string;
  name: string;
  roles: Role[];
  locale: Locale;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

/** Who may call a route: anyone, any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /**
     * `origin-checked`: a public route that honours the session cookie only after checking the page's Origin
     * itself (the chat widget's session start on the portal), so it needs no CSRF token.
     */
    csrf?: 'origin-checked';
  }
}

export function allows(access: Access, actor: Actor | null): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!actor) return 'unauthenticated';
  if (access === 'authenticated') return 'ok';
  return actor.roles.some((role) => access.includes(role)) ? 'ok' : 'forbidden';
}
