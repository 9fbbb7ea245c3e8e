import type { KindSpec } from '../kind-spec.js';
import { type BotBody, BotBodySchema } from './schema.js';

export const botKind: KindSpec<BotBody> = { schema: BotBodySchema, schemaVersion: 1, migrations: [] };
