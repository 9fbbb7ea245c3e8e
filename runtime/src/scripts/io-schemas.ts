import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { toProblems } from '../definitions/ajv.js';
import type { Locale, Problem } from '../definitions/kinds.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Authors' input/output schemas get their own ajv: their `$id`s must not collide with the definition schemas.
const ajv = addFormats(new Ajv({ allErrors: true, verbose: true, strict: false, addUsedSchema: false }));
const compiled = new WeakMap<object, ValidateFunction>();

/** A script's declared input or output schema, compiled once per schema object; throws if it is not a valid schema. */
export function compileIoSchema(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Problems of a value against a declared schema (pointers into the value); [] when valid or no schema. */
export function ioProblems(schema: object | undefined, value: unknown, locale: Locale): Problem[] {
  if (!schema) return [];
  const validate = compileIoSchema(schema);
  return validate(value) ? [] : toProblems(validate.errors, locale);
}

/** Why a declared schema cannot be used, or undefined when it compiles. */
export function ioSchemaError(schema: object | undefined): string | undefined {
  if (!schema) return undefined;
  try {
    compileIoSchema(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
