import type { KindSpec } from '../kind-spec.js';
import { type ProcessBody, ProcessBodySchema } from './schema.js';
import { processProblems } from './semantics.js';

export const processKind: KindSpec<ProcessBody> = {
  schema: ProcessBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: processProblems,
};
