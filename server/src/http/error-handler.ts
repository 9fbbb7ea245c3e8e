import type { ErrorDetail, Locale } from '@opora/sdk';
import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { localeFrom, type MessageKey, type MessageParams, message } from './messages.js';
import { ajvErrorsToDetails } from './validation.js';

interface Rendered {
  status: number;
  code: string;
  key: MessageKey;
  params?: MessageParams;
  details?: ErrorDetail[];
}

/** What an unknown non-API GET gets instead of the JSON 404: a single-page app's client-side route. */
export type NotFoundFallback = (
  request: FastifyRequest,
  reply: FastifyReply,
) => FastifyReply | Promise<FastifyReply> | undefined;

/** The single place errors become responses; everything the API answers with status ≥ 400 goes through here. */

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const rendered = classify(error, requestLocale(request));
    if (rendered.status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, requestLocale(request), rendered);
  });
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
    error: { code: r.code, message: message(locale, r.key, r.params), details: r.details ?? [] },
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
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'malformed_json',
        key: 'malformed_json',
        params: { reason: error.message },
        details: [{ pointer: '', message: error.message }],
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', key: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', key: 'unsupported_media_type' };
  }
  if (error.statusCode === 429)
    return {
      status: 429,
      code: 'rate_limited',
      key: 'rate_limited',
      params: { after: String((error as { after?: string }).after ?? '1 minute') },
    };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return {
      status: error.statusCode,
      code: 'bad_request',
      key: 'validation_failed',
      details: [{ pointer: '', message: error.message }],
    };
  return { status: 500, code: 'internal', key: 'internal' };
}
