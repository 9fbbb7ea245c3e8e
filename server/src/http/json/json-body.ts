import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error.js';
import type { MessageKey, MessageParams } from '../messages.js';
import { type JsonSyntaxFault, jsonSyntaxFault, nestingFault } from './json-syntax.js';
import {
  defaultJsonLimits,
  type JsonLimits,
  type JsonValueFault,
  jsonValueFault,
} from './json-value-fault.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Raises the JSON body limits for a route that takes whole documents (bundles). */
    jsonLimits?: Partial<JsonLimits>;
  }
}

/**
 * The one JSON body parser: the text is checked (syntax, nesting) before it is parsed, and the parsed document
 * (sizes, text the database can store, prototype keys) before any route or schema sees it. Plain-text bodies are
 * not taken at all: every route speaks JSON or multipart.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body as string, limitsOf(request)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

const limitsOf = (request: FastifyRequest): JsonLimits => ({
  ...defaultJsonLimits,
  ...request.routeOptions.config?.jsonLimits,
});

/** The parsed body, or an AppError (400) saying what is wrong and where (in the caller's language, once answered). */
export function parseJsonBody(text: string, limits: JsonLimits): unknown {
  if (!text.trim()) throw malformed('json_empty', {});
  if (nestingFault(text, limits.depth) !== null)
    throw refusal('json_too_deep', 'json_too_deep', '', { limit: limits.depth });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const syntax = jsonSyntaxFault(text);
    throw syntax
      ? malformed(syntaxMessage[syntax.problem], positionOf(text, syntax.at))
      : malformed('json_invalid', {});
  }
  const fault = jsonValueFault(document, limits);
  if (fault) throw valueRefusal(fault);
  return document;
}

const syntaxMessage: Record<JsonSyntaxFault['problem'], MessageKey> = {
  end: 'json_end',
  unexpected: 'json_unexpected',
  control: 'json_control',
  escape: 'json_escape',
  number: 'json_number',
};

function malformed(key: MessageKey, params: MessageParams): AppError {
  const reason = { key, params };
  return new AppError(400, 'malformed_json', 'malformed_json', { reason }, [
    { pointer: '', message: reason },
  ]);
}

const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

/** Line and column (from 1) of an offset, and the character found there, shown as U+XXXX when invisible. */
function positionOf(text: string, at: number): MessageParams {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const code = text.codePointAt(at) ?? 0;
  const found = String.fromCodePoint(code);
  const char = visible.test(found) ? found : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return { line, column, char };
}

const valueMessage: Record<JsonValueFault['problem'], { code: string; key: MessageKey }> = {
  too_many_keys: { code: 'json_too_many_keys', key: 'json_too_many_keys' },
  too_many_items: { code: 'json_too_many_items', key: 'json_too_many_items' },
  nul: { code: 'invalid_text', key: 'text_nul' },
  lone_surrogate: { code: 'invalid_text', key: 'text_lone_surrogate' },
  forbidden_key: { code: 'forbidden_key', key: 'forbidden_key' },
};

function valueRefusal(fault: JsonValueFault): AppError {
  const { code, key } = valueMessage[fault.problem];
  const params: MessageParams =
    fault.problem === 'forbidden_key' ? { key: String(fault.detail) } : { limit: fault.detail ?? '' };
  return refusal(code, key, fault.pointer, params);
}

/** A 400 whose one detail points at the offending value (pointer prefixed for params and query strings). */
export function refusal(
  code: string,
  key: MessageKey,
  pointer: string,
  params: MessageParams = {},
): AppError {
  return new AppError(400, code, key, params, [{ pointer, message: { key, params } }]);
}
