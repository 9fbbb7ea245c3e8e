import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';

/**
 * Past this many values a document is checked only to its first error. Collecting every error of a huge hostile
 * document (tens of thousands of unknown keys, each reported once per union branch) costs time and memory in
 * proportion to it; a document this size is a bundle or an attack, and a bundle's author fixes one error at a time.
 */
export const fullReportValues = 20_000;

/** An ajv-style validator: call it, then read `errors` when it returned false. */
export interface BoundedValidate {
  (data: unknown): boolean;
  errors: ErrorObject[] | null;
}

/**
 * A validator that lists every error of an ordinary document and stops at the first error of a huge one, so that
 * refusing a document never costs much more than accepting it. `everyError` and `firstError` are ajv instances with
 * the same options but `allErrors`; the first-error validator is compiled when the first huge document comes.
 */
export function boundedValidator(firstError: Ajv, everyError: Ajv, schema: object): BoundedValidate {
  const every = everyError.compile(schema);
  let first: ValidateFunction | undefined;
  const validate = Object.assign(
    (data: unknown): boolean => {
      let check = every;
      if (hasMoreValuesThan(data, fullReportValues)) {
        first ??= firstError.compile(schema);
        check = first;
      }
      const valid = check(data);
      validate.errors = valid ? null : (check.errors ?? null);
      return valid;
    },
    { errors: null as ErrorObject[] | null },
  );
  return validate;
}

/** Counts values (the root, every array item and property value, at any depth) and stops past the limit. */
export function hasMoreValuesThan(data: unknown, limit: number): boolean {
  const stack: unknown[] = [data];
  let count = 1;
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    count += children.length;
    if (count > limit) return true;
    for (const child of children) stack.push(child);
  }
  return false;
}
