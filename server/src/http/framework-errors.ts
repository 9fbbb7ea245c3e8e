import type { Socket } from 'node:net';
import type { FastifyError } from 'fastify';
import type { Rendered } from './error-handler.js';
import { message } from './messages.js';

type Known = Omit<Rendered, 'details' | 'params'>;

/**
 * Every error Fastify and its plugins raise for a request the client got wrong, with our status, code and message.
 * (Their own messages are English and name internals; the 500s they raise are programming errors and stay 500s.)
 */
const known: Record<string, Known> = {
  // fastify
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', key: 'bad_request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', key: 'bad_request' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', key: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    key: 'unsupported_media_type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'content_length_mismatch',
    key: 'content_length_mismatch',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', key: 'bad_url' },
  FST_ERR_INVALID_URL: { status: 400, code: 'bad_url', key: 'bad_url' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', key: 'uri_too_long' },
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    key: 'unsupported_media_type',
  },
  FST_ERR_ROUTE_MISSING_CONTENT: { status: 400, code: 'body_missing', key: 'body_missing' },
  FST_ERR_NOT_FOUND: { status: 404, code: 'not_found', key: 'nothing_here' },
  FST_ERR_HANDLER_TIMEOUT: { status: 503, code: 'request_timeout', key: 'request_timeout' },
  FST_ERR_VALIDATION: { status: 400, code: 'validation_failed', key: 'validation_failed' },
  // Marked 400 by Fastify, but only our own code can cause it (a parser added after start).
  FST_ERR_CTP_INSTANCE_ALREADY_STARTED: { status: 500, code: 'internal', key: 'internal' },
  // @fastify/multipart (busboy's own parse errors are caught where uploads are read, see receive-upload.ts)
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type', key: 'not_multipart' },
  FST_PARTS_LIMIT: { status: 413, code: 'multipart_limit', key: 'multipart_limit' },
  FST_FILES_LIMIT: { status: 413, code: 'multipart_limit', key: 'multipart_limit' },
  FST_FIELDS_LIMIT: { status: 413, code: 'multipart_limit', key: 'multipart_limit' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large', key: 'payload_too_large' },
  FST_PROTO_VIOLATION: { status: 400, code: 'multipart_malformed', key: 'multipart_malformed' },
  FST_INVALID_JSON_FIELD_ERROR: { status: 400, code: 'multipart_malformed', key: 'multipart_malformed' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'multipart_malformed', key: 'multipart_malformed' },
};

/** Our rendering of a framework error, or null for one that is ours to fix (answered 500). */
export function frameworkError(error: FastifyError): Rendered | null {
  const found = error.code ? known[error.code] : undefined;
  if (found) return found;
  const status = error.statusCode ?? 500;
  // Any other client error a plugin raises keeps its status; its English message stays in the log.
  return status >= 400 && status < 500 ? { status, code: 'bad_request', key: 'bad_request' } : null;
}

/** Fastify's `clientErrorHandler`: HTTP the server could not even parse into a request, answered in our shape. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ([408, 'Request Timeout', 'client_timeout'] as const)
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ([431, 'Request Header Fields Too Large', 'headers_too_large'] as const)
        : ([400, 'Bad Request', 'bad_request'] as const);
  // No request was parsed, so no language was asked for: the default one.
  const body = JSON.stringify({ error: { code, message: message('ru', code), details: [] } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
