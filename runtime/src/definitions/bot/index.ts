import type { KindSpec } from '../kind-spec.js';
import { placeholderToBlockGraph } from './migrations.js';
import { type BotBody, BotBodySchema } from './schema.js';
import { botProblems } from './semantics.js';

export const botKind: KindSpec<BotBody> = {
  schema: BotBodySchema,
  schemaVersion: 2,
  migrations: [placeholderToBlockGraph],
  problems: (body, locale) => botProblems(body, locale),
};
