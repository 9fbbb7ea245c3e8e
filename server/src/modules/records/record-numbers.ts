import type { Database, Em } from '../../db/database.js';

/**
 * The sequence a data type's record numbers come from, made sure of whenever the type is published (in the publish
 * transaction): numbers are handed out without any create waiting on another, and a save that rolls back
 * leaves its number unused. The name is the database's `opora_number_sequence` of the type's key, hex only.
 */
export async function ensureNumberSequence(db: Database, tx: Em, entity: string): Promise<void> {
  const [row] = await db.query<{ name: string }>('select opora_number_sequence(?) as name', [entity], tx);
  await db.query(`create sequence if not exists "${row!.name}"`, [], tx);
}

/** The next number of a data type's records, as an SQL expression with the type's key as its one parameter. */
export const nextNumber = 'nextval(opora_number_sequence(?)::regclass)';
