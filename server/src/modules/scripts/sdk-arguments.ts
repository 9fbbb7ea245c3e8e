import type { Locale } from '@opora/runtime/definitions';
import type { ErrorDetail, RecordQuery } from '@opora/sdk';
import type { Static, TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { fail } from '../../http/app-error.js';
import { ajvErrorsToDetails, compileBodyValidator } from '../../http/validation.js';
import { IntegrationCallInit, IntegrationCallTarget } from '../integrations/call-request-schema.js';
import {
  EntityParams,
  RecordCreateBody,
  RecordDeleteQuery,
  RecordListQuery,
  RecordParams,
  RecordUpdateBody,
} from '../records/record-schemas.js';

/** At most this many problems are spelled out in one error, so a thousand bad filters make a short message. */
const shownProblems = 10;
const validators = new WeakMap<TSchema, ValidateFunction>();

/**
 * Checks the arguments of one SDK call against the schemas of the matching API route, collecting every problem
 * (pointers name the argument: `/entity`, `/query/q`, `/data/...`) so the script sees what an API caller would.
 */
class ArgumentCheck {
  private readonly problems: ErrorDetail[] = [];

  constructor(private readonly locale: Locale) {}

  take<T extends TSchema>(schema: T, value: unknown, prefix = ''): Static<T> {
    let validate = validators.get(schema);
    if (!validate) {
      validate = compileBodyValidator(schema);
      validators.set(schema, validate);
    }
    if (!validate(value))
      this.problems.push(...ajvErrorsToDetails(validate.errors ?? [], this.locale, prefix));
    return value as Static<T>;
  }

  /** Throws the validation error (as the API would answer it) when anything was wrong. */
  done(): void {
    if (!this.problems.length) return;
    const shown = this.problems.slice(0, shownProblems);
    const more = this.problems.length - shown.length;
    throw fail.validation(more > 0 ? [...shown, { pointer: '', message: `… +${more}` }] : shown);
  }
}

const object = (value: unknown) => value ?? {};

/** Each SDK operation's arguments, checked and named; throws a validation error listing every problem. */
export const sdkArguments = {
  'records.get'([entity, id]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    check.done();
    return params;
  },
  'records.find'([entity, query]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(EntityParams, { entity });
    const list = check.take(RecordListQuery, object(query), '/query');
    check.done();
    return { ...params, query: list as RecordQuery };
  },
  'records.create'([entity, data]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(EntityParams, { entity });
    const body = check.take(RecordCreateBody, { data });
    check.done();
    return { ...params, ...body };
  },
  'records.update'([entity, id, version, data]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    const body = check.take(RecordUpdateBody, { version, data });
    check.done();
    return { ...params, ...body };
  },
  'records.delete'([entity, id, version]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const params = check.take(RecordParams, { entity, id });
    const query = check.take(RecordDeleteQuery, { version });
    check.done();
    return { ...params, ...query };
  },
  'http.fetch'([integration, path, init]: unknown[], locale: Locale) {
    const check = new ArgumentCheck(locale);
    const target = check.take(IntegrationCallTarget, { integration, path });
    const options = check.take(IntegrationCallInit, object(init), '/init');
    check.done();
    return { ...target, ...options };
  },
};

export type SdkOperation = keyof typeof sdkArguments;
