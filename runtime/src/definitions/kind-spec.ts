import type { TSchema } from '@sinclair/typebox';
import type { Locale, Problem } from './kinds.js';

/** One step that lifts a body from `from` to `from + 1`. */
export interface BodyMigration {
  from: number;
  up(body: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Everything the runtime knows about one definition kind, kept in the kind's own folder: its one schema, the
 * current `schemaVersion` with the ordered `up` steps from older ones, and the checks a schema cannot express.
 */
export interface KindSpec<Body = never> {
  schema: TSchema;
  schemaVersion: number;
  /** Oldest first; old bundles and drafts are lifted through them before validation. */
  migrations: readonly BodyMigration[];
  problems?: (body: Body, locale: Locale) => Problem[];
}
