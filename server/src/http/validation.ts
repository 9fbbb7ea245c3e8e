import { ajvErrorsToProblems, boundedValidator } from '@opora/runtime/definitions';
import type { ErrorDetail, Locale } from '@opora/sdk';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS whose typings claim an ES default export; at run time the default is the function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Bodies are validated strictly (a string is never silently a number, unknown fields are refused);
// query strings and path params arrive as text, so there types are coerced.
const options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;
const strict = addFormats(new Ajv({ ...options, coerceTypes: false }));
const strictFirstError = addFormats(new Ajv({ ...options, allErrors: false, coerceTypes: false }));
const coercing = addFormats(new Ajv({ ...options, coerceTypes: 'array' }));

/** A route body's validator for use outside a route: the script SDK checks its arguments with the routes' schemas. */
export const compileBodyValidator = (schema: object): ValidateFunction => strict.compile(schema);

/**
 * Bodies get a validator that lists every error of an ordinary body and only the first of a huge one, so refusing
 * costs about what accepting does (see bounded-validator.ts); query strings and params are small.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  httpPart === 'body'
    ? boundedValidator(strictFirstError, strict, schema as object)
    : coercing.compile(schema as object);

/** Ajv errors as API details: a JSON pointer naming the offending field and a message in the caller's language. */
export const ajvErrorsToDetails = (errors: ErrorObject[], locale: Locale, prefix: string): ErrorDetail[] =>
  ajvErrorsToProblems(errors, locale, prefix);
