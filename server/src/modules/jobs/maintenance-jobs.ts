import type { JobQueue, JobWorker } from '../../adapters/job-queue/index.js';
import type { Database } from '../../db/database.js';

/**
 * Housekeeping every installation needs: expired browser sessions are deleted nightly, and the search statistics
 * of the knowledge base are refreshed (the embedded database has no autovacuum to do it).
 */
export async function registerMaintenanceJobs(
  db: Database,
  queue: JobQueue,
  worker: JobWorker,
): Promise<void> {
  worker.registerHandler('sessions.purge-expired', async (_payload, { em }) => {
    await db.query('delete from session where expires_at < now()', [], em);
  });
  await queue.schedule('sessions.purge-expired', '17 3 * * *', 'sessions.purge-expired');
  worker.registerHandler('kb.analyze', async () => {
    await db.query('analyze kb_article');
  });
  await queue.schedule('kb.analyze', '43 * * * *', 'kb.analyze');
}
