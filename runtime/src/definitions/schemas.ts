import type { TSchema } from '@sinclair/typebox';
import { kindSpecs } from './kind-registry.js';
import type { DefinitionKind } from './kinds.js';

const byKind = <T>(pick: (kind: DefinitionKind) => T) =>
  Object.fromEntries(Object.keys(kindSpecs).map((kind) => [kind, pick(kind as DefinitionKind)])) as Record<
    DefinitionKind,
    T
  >;

/** The one schema per definition kind: REST bodies, designer state and imported bundles all validate against it. */
export const definitionBodySchemas: Record<DefinitionKind, TSchema> = byKind(
  (kind) => kindSpecs[kind].schema,
);

export const currentSchemaVersion: Record<DefinitionKind, number> = byKind(
  (kind) => kindSpecs[kind].schemaVersion,
);
