import type { KindSpec } from '../kind-spec.js';
import { type PortalBody, PortalBodySchema } from './schema.js';
import { portalProblems } from './semantics.js';

export const portalKind: KindSpec<PortalBody> = {
  schema: PortalBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: portalProblems,
};
