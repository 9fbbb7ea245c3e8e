import type { DefinitionKind, Locale, Problem } from '@opora/runtime/definitions';
import { migrateDefinitionBody, validateDefinitionBody } from '@opora/runtime/definitions';
import type { ErrorDetail } from '@opora/sdk';

/** Brings an older body up to the current schema version, then validates it; problems point into the request. */
export function checkBody(
  kind: DefinitionKind,
  body: unknown,
  locale: Locale,
  prefix: string,
): { body: unknown; details: ErrorDetail[] } {
  let migrated: unknown;
  try {
    migrated = migrateDefinitionBody(kind, body);
  } catch (error) {
    return {
      body,
      details: [
        { pointer: `${prefix}/schemaVersion`, message: (error as Error).message, code: 'schema_version' },
      ],
    };
  }
  return { body: migrated, details: prefixed(validateDefinitionBody(kind, migrated, locale), prefix) };
}

export const prefixed = (problems: Problem[], prefix: string): ErrorDetail[] =>
  problems.map((p) => ({ pointer: `${prefix}${p.pointer}`, message: p.message, code: p.code }));
