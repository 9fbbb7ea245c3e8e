import { type LoggerOptions, stdSerializers } from 'pino';
import { causedByDatabase, scrubbedError } from './database-error-text.js';

const credentialFields = [
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
  'csrfToken',
  'csrf_token',
  'sessionId',
  'session_id',
  'secret',
];

/** Credentials never printed, wherever an object holding them is logged (top level or one level down). */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...credentialFields,
  ...credentialFields.map((field) => `*.${field}`),
];

/**
 * The server's pino options with credentials redacted and database errors logged without the values of their
 * statement. Drivers inline the parameters into the message (`select … where id = '<session hash>' - column …`),
 * and a failed session or token lookup would otherwise print the hash that opens the session.
 */
export function withLogRedaction<T extends LoggerOptions>(options: boolean | T): false | T {
  if (options === false) return false;
  const given = (options === true ? {} : options) as T;
  const redact = Array.isArray(given.redact) ? given.redact : (given.redact?.paths ?? []);
  return {
    ...given,
    redact: { paths: [...redactedPaths, ...redact], censor: '[redacted]' },
    serializers: { req: serializeRequest, ...given.serializers, err: serializeError },
  };
}

/** pino's error serializer, then, for an error from the database (or caused by one), its values removed. */
export function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error);
  return causedByDatabase(error) ? scrubbedError(serialized) : serialized;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's request fields, with a `token` in the query string redacted: a WebSocket cannot carry headers, so the
 * chat widget's socket passes its visitor token there (`/widget/:channelKey/live?token=…`).
 */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: withoutQueryToken(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function withoutQueryToken(url: string | undefined): string | undefined {
  const start = url?.indexOf('?') ?? -1;
  if (!url || start < 0) return url;
  const params = new URLSearchParams(url.slice(start + 1));
  if (!params.has('token')) return url;
  params.set('token', '[redacted]');
  return `${url.slice(0, start)}?${params.toString()}`;
}
