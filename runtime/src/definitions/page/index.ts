import type { KindSpec } from '../kind-spec.js';
import { type PageBody, PageBodySchema } from './schema.js';
import { pageProblems } from './semantics.js';

export const pageKind: KindSpec<PageBody> = {
  schema: PageBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: pageProblems,
};
