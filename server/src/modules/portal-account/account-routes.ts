import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, errorResponses, IdParams, NoContent, PageOf, Paging } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { type IdentityService, sessionCookie } from '../auth/identity-service.js';
import { linkOrigin } from '../auth/link-origin.js';
import { userView } from '../auth/user-view.js';
import type { MyRequests } from './my-requests.js';
import type { NotificationService } from './notification-service.js';
import {
  MarkReadBody,
  MyRequestDetailSchema,
  MyRequestSchema,
  NotificationSchema,
  SessionSchema,
  SignupBody,
} from './portal-account-schemas.js';
import type { SignupService } from './signup-service.js';

export interface AccountRoutesOptions {
  signup: SignupService;
  identity: IdentityService;
  requests: MyRequests;
  notifications: NotificationService;
  secureCookies: boolean;
  signupRateLimit: number;
  /** PUBLIC_URL: where the confirmation link mailed at sign-up points. */
  publicUrl: string | undefined;
}

const tags = ['portal'];

/** Client accounts of the self-service portal: sign-up, «Мои обращения», notifications. */
export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, options) => {
  const { signup, identity, requests, notifications } = options;
  // Access control has run: these routes are only reached by signed-in callers.
  const actor = (request: { actor: Actor | null }) => request.actor as Actor;

  app.post(
    '/portal/signup',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.signupRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Create a client account (and its client record), sign it in like /auth/login, and mail a link ' +
          'confirming the address',
        description:
          '409 when the email is already registered; 422 when the published portal has no account mapping.',
        body: SignupBody,
        response: {
          200: SessionSchema,
          400: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const origin = linkOrigin(options.publicUrl, request);
      const user = await signup.signup(request.body, requestLocale(request), origin);
      const session = await identity.openSession(user);
      reply.setCookie(sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        expires: session.expiresAt,
      });
      return { user: userView(user), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/portal/my/requests',
    {
      config: { access: ['client'] },
      schema: {
        tags,
        summary: 'The caller’s requests, newest first',
        querystring: Type.Object(Paging, { additionalProperties: false }),
        response: { 200: PageOf(MyRequestSchema), ...errorResponses },
      },
    },
    (request) => requests.list(actor(request), request.query.limit ?? 20, request.query.offset ?? 0),
  );

  app.get(
    '/portal/my/requests/:id',
    {
      config: { access: ['client'] },
      schema: {
        tags,
        summary: 'One of the caller’s requests with its data type and history (404 for anyone else’s)',
        params: IdParams,
        response: { 200: MyRequestDetailSchema, ...errorResponses },
      },
    },
    (request) => requests.get(actor(request), request.params.id, requestLocale(request)),
  );

  app.get(
    '/portal/my/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The caller’s notifications, newest first, with the number still unread',
        querystring: Type.Object(
          { ...Paging, unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Composite([PageOf(NotificationSchema), Type.Object({ unread: Type.Integer() })]),
          ...errorResponses,
        },
      },
    },
    (request) => notifications.list(actor(request).id, request.query),
  );

  app.post(
    '/portal/my/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark the given notifications read, or all of them when ids is absent',
        body: MarkReadBody,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await notifications.markRead(actor(request).id, request.body.ids);
      return reply.status(204).send(null);
    },
  );
};
