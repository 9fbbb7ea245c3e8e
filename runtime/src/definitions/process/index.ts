import type { KindSpec } from '../kind-spec.js';
import { placeholderToBpmn } from './migrations.js';
import { type ProcessBody, ProcessBodySchema } from './schema.js';
import { processProblems } from './semantics.js';

export const processKind: KindSpec<ProcessBody> = {
  schema: ProcessBodySchema,
  schemaVersion: 2,
  migrations: [placeholderToBpmn],
  problems: processProblems,
};
