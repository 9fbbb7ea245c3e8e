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
    serializers: { ...given.serializers, err: serializeError },
  };
}

/** pino's error serializer, then, for an error from the database (or caused by one), its values removed. */
export function serializeError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error);
  return causedByDatabase(error) ? scrubbedError(serialized) : serialized;
}
