import type { Database, Em } from '../../db/database.js';

/** The NOTIFY channel that wakes every server process's dispatcher (see `dispatcher.ts`). */
export const distributionChannel = 'opora_distribute';

/** Any number; every write that changes who holds which dialog takes this transaction lock first. */
const distributionLockId = 731_016;

/**
 * Serialises changes of assignments across server processes until tx ends: with it, loads read in a pass are the
 * loads, so no capacity is exceeded and no dialog is given twice. Passes are short, so waiting is brief.
 */
export async function lockDistribution(db: Database, tx: Em): Promise<void> {
  await db.query('select pg_advisory_xact_lock(?)', [distributionLockId], tx);
}

/** Asks every server process to run a distribution pass once tx commits (a dialog queued, a slot freed). */
export async function requestDistribution(db: Database, tx: Em): Promise<void> {
  await db.notify(distributionChannel, '', tx);
}
