import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError, fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, NoContent } from '../../http/schemas.js';
import { linkOrigin } from './link-origin.js';
import { normalAddress, type PasswordReset } from './password-reset.js';
import { tokenInvalidText } from './reset-texts.js';

export interface PasswordResetRoutesOptions {
  reset: PasswordReset;
  publicUrl: string | undefined;
  /** Asks per caller address per minute (the sign-in limit). */
  perIpLimit: number;
  /** Asks per login or e-mail per 15 minutes: nobody floods someone's mailbox from many addresses. */
  perAccountLimit: number;
}

const tags = ['auth'];
/** The one answer to every well-formed ask, whether or not such an account exists. */
const Accepted = Type.Object({ accepted: Type.Literal(true) });

/** «Забыли пароль?»: ask for a link by mail, then set a new password with it. */
export const passwordResetRoutes: FastifyPluginAsyncTypebox<PasswordResetRoutesOptions> = async (
  app,
  { reset, publicUrl, perIpLimit, perAccountLimit },
) => {
  // A second limit on the same route, keyed by the address asked about (the route's own is per caller).
  const accountLimiter = app.createRateLimit({
    max: perAccountLimit,
    timeWindow: '15 minutes',
    keyGenerator: (request) =>
      `password-reset:${normalAddress((request.body as { login?: string } | undefined)?.login ?? '')}`,
  });
  const perAccount = async (request: FastifyRequest) => {
    const limit = await accountLimiter(request);
    if (!limit.isAllowed && limit.isExceeded)
      throw new AppError(429, 'rate_limited', 'rate_limited', {
        seconds: Math.max(1, Math.ceil(limit.ttl / 1000)),
      });
  };

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public', rateLimit: { max: perIpLimit, timeWindow: '1 minute' } },
      preHandler: perAccount,
      schema: {
        tags,
        summary: 'Ask for a password-reset link by mail (login or e-mail)',
        description:
          'Always 202 with the same body, whether or not an account matches: the lookup and the mail happen ' +
          'in a background job. Limited per caller address and per login/e-mail (429).',
        body: Type.Object(
          { login: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 202: Accepted, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await reset.request(request.body.login, linkOrigin(publicUrl, request));
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: { max: perIpLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Set a new password with the link from the mail; every session of the account ends',
        description: '400 with a detail at /token when the link is unknown, used or expired.',
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 8, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await reset.confirm(request.body.token, request.body.password)))
        throw fail.validation([
          { pointer: '/token', code: 'token_invalid', message: tokenInvalidText[requestLocale(request)] },
        ]);
      return reply.status(204).send(null);
    },
  );
};
