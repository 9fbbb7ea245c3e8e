import type { DefinitionKind } from './kinds.js';
import { currentSchemaVersion } from './schemas.js';
import { flattenNestedTree } from './tree-migrations.js';

/** One step that lifts a body from `from` to `from + 1`. */
export interface BodyMigration {
  from: number;
  up(body: Record<string, unknown>): Record<string, unknown>;
}

/** Ordered `up` steps per kind, oldest first. */
export const bodyMigrations: Record<DefinitionKind, BodyMigration[]> = {
  entity: [],
  form: [],
  tree: [flattenNestedTree],
  bot: [],
  process: [],
  script: [],
  page: [],
  portal: [],
  line: [],
  template: [],
  integration: [],
};

/** Runs the steps from the body's schemaVersion up to `target`; never mutates the input. */
export function runMigrations(body: unknown, steps: BodyMigration[], target: number): unknown {
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
  return runMigrations(body, bodyMigrations[kind], currentSchemaVersion[kind]);
}
