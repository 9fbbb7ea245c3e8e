import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import localizeRuModule from 'ajv-i18n/localize/ru/index.js';
import { simplifyUnions } from './ajv-unions.js';
import { type BoundedValidate, boundedValidator } from './bounded-validator.js';
import { type Locale, type Problem, pick } from './kinds.js';
import { safeRegExpEngine } from './safe-regexp.js';

// These packages are CommonJS whose typings claim ES default exports; at run time the default is the function.
type Localize = (errors: ErrorObject[]) => void;
const localizers: Record<Locale, Localize> = {
  ru: localizeRuModule as unknown as Localize,
  en: localizeEnModule as unknown as Localize,
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const options = {
  verbose: true,
  strict: false,
  coerceTypes: false,
  removeAdditional: false,
  code: { regExp: safeRegExpEngine },
} as const;

/**
 * One ajv for all definition and record schemas: every error reported, nothing coerced or removed, and every
 * `pattern` matched in linear time (analysts write patterns; see safe-regexp.ts).
 */
export const ajv: Ajv = addFormats(new Ajv({ ...options, allErrors: true }));
// Its twin that stops at the first error, for huge documents (see bounded-validator.ts).
const firstErrorAjv: Ajv = addFormats(new Ajv({ ...options, allErrors: false }));

const compiled = new WeakMap<object, BoundedValidate>();

/**
 * Compiles a schema once per schema object. The validator lists every error of a refused document unless the
 * document is huge (see bounded-validator.ts): refusing a document costs about what accepting it does.
 */
export function compile(schema: object): BoundedValidate {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = boundedValidator(firstErrorAjv, ajv, schema);
  compiled.set(schema, validate);
  return validate;
}

/** At most this many problems are listed; a note after them says there are more. */
export const maxProblems = 100;
// Errors are translated a slice at a time: only what is listed is worth translating.
const localizeSlice = 200;

/**
 * Ajv errors as problems pointing at the field at fault, with messages in the locale; unions are boiled down,
 * repeats dropped, and at most {@link maxProblems} listed. Linear in the number of errors.
 */
export function toProblems(errors: ErrorObject[] | null | undefined, locale: Locale, prefix = ''): Problem[] {
  if (!errors?.length) return [];
  const simplified = simplifyUnions(errors);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < simplified.length; start += localizeSlice) {
    const copies = simplified.slice(start, start + localizeSlice).map((e) => ({ ...e }));
    localizers[locale](copies);
    for (const error of copies) {
      const problem = problemOf(error, prefix);
      const id = `${problem.pointer}|${problem.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (problems.length === maxProblems) return [...problems, moreProblems(locale, prefix)];
      problems.push(problem);
    }
  }
  return problems;
}

function problemOf(error: ErrorObject, prefix: string): Problem {
  const allowed =
    error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
  const message = `${error.message ?? error.keyword}${allowed ? `: ${allowed.filter((v) => v !== null).join(', ')}` : ''}`;
  return { pointer: `${prefix}${pointerOf(error)}`, message, code: error.keyword };
}

const moreProblems = (locale: Locale, prefix: string): Problem => ({
  pointer: prefix,
  message: pick(
    locale,
    `Показаны первые ${maxProblems} ошибок; остальные появятся, когда вы исправите эти`,
    `Only the first ${maxProblems} problems are listed; the rest appear once these are fixed`,
  ),
  code: 'too_many_problems',
});

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${String(params.additionalProperty)}`;
  return error.instancePath;
}
