import type { KindSpec } from '../kind-spec.js';
import { type EntityBody, EntityBodySchema } from './schema.js';
import { entityProblems } from './semantics.js';

export const entityKind: KindSpec<EntityBody> = {
  schema: EntityBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: entityProblems,
};
