import type { KindSpec } from '../kind-spec.js';
import { type FormBody, FormBodySchema } from './schema.js';
import { formProblems } from './semantics.js';

export const formKind: KindSpec<FormBody> = {
  schema: FormBodySchema,
  schemaVersion: 1,
  migrations: [],
  problems: formProblems,
};
