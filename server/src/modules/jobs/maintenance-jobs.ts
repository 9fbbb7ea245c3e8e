import type { Database } from '../../db/database.js';
import type { JobQueue, JobWorker } from '../../jobs/index.js';

/** Housekeeping every installation needs: expired browser sessions are deleted nightly. */
export async function registerMaintenanceJobs(
  db: Database,
  queue: JobQueue,
  worker: JobWorker,
): Promise<void> {
  worker.registerHandler('sessions.purge-expired', async (_payload, { em }) => {
    await db.query('delete from session where expires_at < now()', [], em);
  });
  await queue.schedule('sessions.purge-expired', '17 3 * * *', 'sessions.purge-expired');
}
