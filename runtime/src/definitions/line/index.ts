import type { KindSpec } from '../kind-spec.js';
import { type LineBody, LineBodySchema } from './schema.js';

export const lineKind: KindSpec<LineBody> = { schema: LineBodySchema, schemaVersion: 1, migrations: [] };
