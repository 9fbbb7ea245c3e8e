import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import localizeRuModule from 'ajv-i18n/localize/ru/index.js';
import type { Locale, Problem } from './kinds.js';
import { safeRegExpEngine } from './safe-regexp.js';

// These packages are CommonJS whose typings claim ES default exports; at run time the default is the function.
type Localize = (errors: ErrorObject[]) => void;
const localizers: Record<Locale, Localize> = {
  ru: localizeRuModule as unknown as Localize,
  en: localizeEnModule as unknown as Localize,
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * One ajv for all definition and record schemas: every error reported, nothing coerced or removed, and every
 * `pattern` matched in linear time (analysts write patterns; see safe-regexp.ts).
 */
export const ajv: Ajv = addFormats(
  new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    coerceTypes: false,
    removeAdditional: false,
    code: { regExp: safeRegExpEngine },
  }),
);

const compiled = new WeakMap<object, ValidateFunction>();

/** Compiles a schema once per schema object. */
export function compile(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Ajv errors as problems pointing at the field at fault, with messages in the locale; unions are boiled down. */
export function toProblems(errors: ErrorObject[] | null | undefined, locale: Locale, prefix = ''): Problem[] {
  if (!errors?.length) return [];
  const copies = simplifyUnions(errors).map((e) => ({ ...e }));
  localizers[locale](copies);
  const seen = new Set<string>();
  return copies.flatMap((error) => {
    const allowed =
      error.keyword === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined;
    const message = `${error.message ?? error.keyword}${allowed ? `: ${allowed.filter((v) => v !== null).join(', ')}` : ''}`;
    const problem = { pointer: `${prefix}${pointerOf(error)}`, message, code: error.keyword };
    const id = `${problem.pointer}|${problem.message}`;
    if (seen.has(id)) return [];
    seen.add(id);
    return [problem];
  });
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties')
    return `${error.instancePath}/${String(params.additionalProperty)}`;
  return error.instancePath;
}

/**
 * A value failing a union (a field of an unknown type, say) makes ajv report every branch's complaints.
 * Boil each union down: the errors of the branch whose `type` matches the value, or one "must be one of" error.
 * Branches are told apart by the data (ajv `verbose`), because errors behind a recursive $ref restart their schema paths.
 */
function simplifyUnions(errors: ErrorObject[]): ErrorObject[] {
  let result = errors;
  const unions = errors
    .filter((e) => e.keyword === 'anyOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const union of unions) {
    if (!result.includes(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const branchOf = (e: ErrorObject) =>
      e.schemaPath.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : undefined;
    const under = (e: ErrorObject) =>
      e !== union &&
      (e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`));
    const members = result.filter(under);
    const keep = keepFromUnion(union, members, branchOf);
    result = [...result.filter((e) => e !== union && !members.includes(e)), ...keep];
  }
  return result;
}

type BranchSchema = { const?: unknown; properties?: { type?: { const?: unknown } } };

function keepFromUnion(
  union: ErrorObject,
  members: ErrorObject[],
  branchOf: (e: ErrorObject) => string | undefined,
): ErrorObject[] {
  const branches = (Array.isArray(union.schema) ? union.schema : []) as BranchSchema[];
  const oneOf = (path: string, values: unknown[]): ErrorObject[] => [
    { keyword: 'enum', instancePath: path, schemaPath: union.schemaPath, params: { allowedValues: values } },
  ];
  if (branches.length && branches.every((b) => b.const !== undefined))
    return oneOf(
      union.instancePath,
      branches.map((b) => b.const),
    );
  const tags = branches.map((b) => b.properties?.type?.const);
  if (!tags.length || tags.some((t) => t === undefined)) return members;
  const value = (union.data as { type?: unknown } | null)?.type;
  const matched = tags.indexOf(value);
  if (matched < 0) return oneOf(`${union.instancePath}/type`, tags);
  // Errors of the matching branch, including those reported from inside a $ref (no branch in their path).
  return members.filter((e) => {
    const branch = branchOf(e);
    return branch === undefined || branch === String(matched);
  });
}
