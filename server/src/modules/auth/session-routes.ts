import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { message } from '../../http/messages.js';
import { ErrorResponse, errorResponses, NoContent, UserSchema } from '../../http/schemas.js';
import { type IdentityService, sessionCookie } from './identity-service.js';
import { userView } from './user-view.js';

const SessionSchema = Type.Object({ user: UserSchema, csrfToken: Type.String() });
/** What a browser app asks on load: a visitor is an answer (`user: null`), not an error. */
const SessionStateSchema = Type.Object({
  user: Type.Union([UserSchema, Type.Null()]),
  csrfToken: Type.Optional(Type.String()),
});

export interface SessionRoutesOptions {
  identity: IdentityService;
  secureCookies: boolean;
  loginRateLimit: number;
}

/**
 * Login, logout and "who am I" for browsers (session cookie + CSRF token). `/auth/me` answers 401 to visitors,
 * as API clients expect; `/auth/session` is what a page asks on load, where a visitor is no error.
 */
export const sessionRoutes: FastifyPluginAsyncTypebox<SessionRoutesOptions> = async (
  app,
  { identity, secureCookies, loginRateLimit },
) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with login and password; sets the session cookie',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await identity.checkPassword(request.body.login, request.body.password);
      if (!user) throw fail.invalidCredentials();
      const session = await identity.openSession(user);
      reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        expires: session.expiresAt,
      });
      return { user: userView(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'End the current session' } },
    async (request, reply) => {
      if (request.actor) await identity.closeSession(request.actor);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated', rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary:
          'Change my password; my other sessions end, this one stays (API tokens stay: revoke them apart)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
            newPassword: Type.String({ minLength: 8, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...errorResponses, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { currentPassword, newPassword } = request.body;
      if (!(await identity.changePassword(request.actor!, currentPassword, newPassword)))
        throw fail.wrongPassword(message(requestLocale(request), 'wrong_current_password'));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token',
        response: { 200: SessionSchema, 401: ErrorResponse },
      },
    },
    async (request) => {
      const actor = request.actor!;
      const user = await identity.userById(actor.id);
      if (!user) throw fail.unauthorized();
      return { user: userView(user), csrfToken: actor.csrfToken ?? '' };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in: the user and the CSRF token, or `user: null` for a visitor (never 401)',
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const user = actor ? await identity.userById(actor.id) : null;
      if (!actor || !user) {
        // An expired or closed session's cookie is only noise on every later request: drop it.
        if (request.cookies[sessionCookie]) reply.clearCookie(sessionCookie, { path: '/' });
        return { user: null };
      }
      return { user: userView(user), csrfToken: actor.csrfToken ?? '' };
    },
  );
};
