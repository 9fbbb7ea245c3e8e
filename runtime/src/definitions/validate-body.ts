import { compile, toProblems } from './ajv.js';
import { kindSpecs } from './kind-registry.js';
import type { KindSpec } from './kind-spec.js';
import type { DefinitionKind, Locale, Problem } from './kinds.js';

/** Schema validation (compiled once per kind) and then the kind's checks a schema cannot express; [] when valid. */
export function validateDefinitionBody(
  kind: DefinitionKind,
  body: unknown,
  locale: Locale = 'ru',
): Problem[] {
  const spec: KindSpec<unknown> = kindSpecs[kind] as KindSpec<unknown>;
  const validate = compile(spec.schema);
  if (!validate(body)) return toProblems(validate.errors, locale);
  return spec.problems?.(body, locale) ?? [];
}
