import type { EntityBody, Locale, Problem } from '@opora/runtime/definitions';
import type { Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';

/** What a record is about to become, handed to checks other modules register (e.g. files: referenced uploads exist). */
export interface RecordSave {
  tx: Em;
  entity: string;
  body: EntityBody;
  data: Record<string, unknown>;
  /** The stored data before this change; null when the record is being created. */
  before: Record<string, unknown> | null;
  actor: Actor | null;
  locale: Locale;
}

/**
 * Runs inside the save's transaction after schema validation; problems (pointers into the data) refuse the
 * save with 400, exactly like field validation, whoever writes (API, form, script, bundle import).
 */
export type RecordSaveCheck = (save: RecordSave) => Promise<Problem[]>;
