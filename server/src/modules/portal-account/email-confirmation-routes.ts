import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, errorResponses } from '../../http/schemas.js';
import { linkOrigin } from '../auth/link-origin.js';
import { confirmInvalidText } from './confirm-texts.js';
import type { EmailConfirmation } from './email-confirmation.js';

export interface EmailConfirmationRoutesOptions {
  confirmation: EmailConfirmation;
  publicUrl: string | undefined;
  rateLimit: number;
}

const tags = ['portal'];

/** The client's e-mail confirmation: the link from the mail, the state, and sending the link again. */
export const emailConfirmationRoutes: FastifyPluginAsyncTypebox<EmailConfirmationRoutesOptions> = async (
  app,
  { confirmation, publicUrl, rateLimit },
) => {
  app.post(
    '/portal/email-confirmation',
    {
      // The token is the credential: the link may be opened on a device where nobody is signed in.
      config: { access: 'public', rateLimit: { max: rateLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Confirm a client’s e-mail with the link from the sign-up mail',
        description:
          'Requests sent anonymously from the confirmed address become the client’s own; answers how many. ' +
          '400 with a detail at /token for an unknown, used or expired link.',
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ linked: Type.Integer() }), 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      const confirmed = await confirmation.confirm(request.body.token);
      if (!confirmed)
        throw fail.validation([
          { pointer: '/token', code: 'token_invalid', message: confirmInvalidText[requestLocale(request)] },
        ]);
      return confirmed;
    },
  );

  app.get(
    '/portal/my/email-confirmation',
    {
      config: { access: ['client'] },
      schema: {
        tags,
        summary: 'Whether the caller’s e-mail is confirmed',
        response: {
          200: Type.Object({ email: Type.Union([Type.String(), Type.Null()]), confirmed: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    (request) => confirmation.status(request.actor!.id),
  );

  app.post(
    '/portal/my/email-confirmation',
    {
      config: { access: ['client'], rateLimit: { max: rateLimit, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'Send the confirmation link again (a newer link replaces the older ones)',
        response: {
          202: Type.Object({ accepted: Type.Literal(true) }),
          ...errorResponses,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      await confirmation.sendLink(request.actor!.id, linkOrigin(publicUrl, request));
      return reply.status(202).send({ accepted: true });
    },
  );
};
