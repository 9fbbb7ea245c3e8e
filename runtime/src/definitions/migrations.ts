import { kindSpecs } from './kind-registry.js';
import type { BodyMigration } from './kind-spec.js';
import type { DefinitionKind } from './kinds.js';

export type { BodyMigration } from './kind-spec.js';

/** Runs the steps from the body's schemaVersion up to `target`; never mutates the input. */
export function runMigrations(body: unknown, steps: readonly BodyMigration[], target: number): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  let current = structuredClone(body) as Record<string, unknown>;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : target;
  if (version > target)
    throw new Error(
      `schemaVersion ${version} is newer than this Opora understands (${target}); upgrade Opora`,
    );
  while (version < target) {
    const step = steps.find((s) => s.from === version);
    if (!step) throw new Error(`no migration from schemaVersion ${version}`);
    current = { ...step.up(current), schemaVersion: version + 1 };
    version += 1;
  }
  return current;
}

/** Brings an older body of this kind up to the current schema version (so old bundles keep loading). */
export function migrateDefinitionBody(kind: DefinitionKind, body: unknown): unknown {
  const spec = kindSpecs[kind];
  return runMigrations(body, spec.migrations, spec.schemaVersion);
}
