import type { KindSpec } from '../kind-spec.js';
import { type ScriptBody, ScriptBodySchema } from './schema.js';

export const scriptKind: KindSpec<ScriptBody> = {
  schema: ScriptBodySchema,
  schemaVersion: 1,
  migrations: [],
};
