import type { KindSpec } from '../kind-spec.js';
import { type IntegrationBody, IntegrationBodySchema } from './schema.js';
import { integrationProblems } from './semantics.js';

export const integrationKind: KindSpec<IntegrationBody> = {
  schema: IntegrationBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: integrationProblems,
};
