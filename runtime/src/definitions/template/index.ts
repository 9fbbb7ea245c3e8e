import type { KindSpec } from '../kind-spec.js';
import { type TemplateBody, TemplateBodySchema } from './schema.js';

export const templateKind: KindSpec<TemplateBody> = {
  schema: TemplateBodySchema,
  schemaVersion: 1,
  migrations: [],
};
