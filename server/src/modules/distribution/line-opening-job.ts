import type { JobHandler, JobQueue } from '../../adapters/job-queue/index.js';
import type { Em } from '../../db/database.js';

/** Wakes the dispatcher when a closed line opens, so dialogs that waited out of hours are handed out. */
export const lineOpeningJobName = 'distribution.line-opens';

/** One job per line and opening time, however many dialogs arrived while it was closed. */
export async function scheduleLineOpening(jobs: JobQueue, tx: Em, lineKey: string, at: Date): Promise<void> {
  await jobs.enqueue(
    lineOpeningJobName,
    { lineKey },
    { runAt: at, idempotencyKey: `${lineOpeningJobName}:${lineKey}:${at.toISOString()}` },
    tx,
  );
}

export const lineOpeningJob =
  (wake: (tx: Em) => Promise<void>): JobHandler =>
  (_payload, ctx) =>
    wake(ctx.em);
