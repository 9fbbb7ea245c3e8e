import type { Clock } from '../../../adapters/clock.js';
import type { JobHandler } from '../../../adapters/job-queue/index.js';
import type { Database } from '../../../db/database.js';

export const processRetentionJobName = 'process.retention';

/** Rows one run deletes at most, in batches: a first run on a large history spreads over the following days. */
const batchSize = 500;
const maxBatches = 20;

/**
 * Deletes instances that ended more than `days` ago (their subscriptions go with them) and message ids older
 * than that, in the job's transaction (on the embedded database a statement outside it would wait for it).
 * Bounded per run: what is left goes the next day.
 */
export function processRetentionJob(db: Database, clock: Clock, days: number): JobHandler {
  return async (_payload, { em }) => {
    const before = new Date(clock.now() - days * 86_400_000);
    for (let batch = 0; batch < maxBatches; batch++) {
      const deleted = await db.query(
        `delete from process_instance where id in (
           select id from process_instance where status <> 'running' and ended_at < ? limit ?) returning id`,
        [before, batchSize],
        em,
      );
      if (deleted.length < batchSize) break;
    }
    await db.query(
      'delete from process_message where id in (select id from process_message where received_at < ? limit ?)',
      [before, batchSize * maxBatches],
      em,
    );
  };
}
