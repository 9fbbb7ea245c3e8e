import type { Locale } from '@opora/sdk';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorDetail } from './app-error.js';
import { frameworkError } from './framework-errors.js';
import { localeFrom, type MessageKey, type MessageParams, message } from './messages.js';
import { applySecurityHeaders } from './security-headers.js';
import { ajvErrorsToDetails } from './validation.js';

export interface Rendered {
  status: number;
  code: string;
  key: MessageKey;
  params?: MessageParams;
  details?: AppErrorDetail[];
}

/** What an unknown non-API GET gets instead of the JSON 404: a single-page app's client-side route. */
export type NotFoundFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply> | undefined;

/** The single place errors become responses; everything the API answers with status ≥ 400 goes through here. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => answerError(error, request, reply));
}

/**
 * Renders an error in the API's shape; also the `frameworkErrors` option of Fastify (a malformed URL or a too long
 * path parameter, found before routing and before any error handler).
 */
export function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  const rendered = classify(error, locale);
  if (rendered.status >= 500) request.log.error({ err: error }, 'request failed');
  // Answers made before any hook ran (fastify's frameworkErrors) would otherwise go out without them.
  applySecurityHeaders(request, reply);
  return send(reply, locale, rendered);
}

/** Unknown routes: the single-page apps' client-side routes first, else a JSON 404. */
export function registerNotFound(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setNotFoundHandler(
    (request, reply) =>
      fallback?.(request, reply) ??
      send(reply, requestLocale(request), {
        status: 404,
        code: 'not_found',
        key: 'route_not_found',
        params: { method: request.method, url: request.url.split('?')[0] ?? '' },
      }),
  );
}

export function requestLocale(request: FastifyRequest): Locale {
  return request.actor?.locale ?? localeFrom(request.headers['accept-language']);
}

function send(reply: FastifyReply, locale: Locale, r: Rendered) {
  return reply.status(r.status).send({
    error: {
      code: r.code,
      message: message(locale, r.key, r.params),
      details: (r.details ?? []).map((d) => ({
        ...d,
        message: typeof d.message === 'string' ? d.message : message(locale, d.message.key, d.message.params),
      })),
    },
  });
}

function classify(error: FastifyError, locale: Locale): Rendered {
  if (error instanceof AppError)
    return {
      status: error.status,
      code: error.code,
      key: error.messageKey,
      params: error.params,
      details: error.details,
    };
  if (error.validation) {
    // Pointers point into what the client sent: the JSON body itself, or /querystring, /params.
    const prefix = error.validationContext === 'body' ? '' : `/${error.validationContext ?? ''}`;
    const details = ajvErrorsToDetails(error.validation as ErrorObject[], locale, prefix);
    return { status: 400, code: 'validation_failed', key: 'validation_failed', details };
  }
  return frameworkError(error) ?? { status: 500, code: 'internal', key: 'internal' };
}
