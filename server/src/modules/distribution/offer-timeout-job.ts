import type { JobQueue } from '../../adapters/job-queue/index.js';
import type { Em } from '../../db/database.js';

export const offerTimeoutJobName = 'distribution.offer-timeout';

export interface OfferTimeoutPayload {
  conversationId: string;
  /** The offer this timeout belongs to; a later offer (or a take) makes it stale. */
  attempt: number;
}

/** One durable timer per offer: fires once, even with several server processes, and survives a restart. */
export async function scheduleOfferTimeout(
  jobs: JobQueue,
  tx: Em,
  payload: OfferTimeoutPayload,
  at: Date,
): Promise<void> {
  await jobs.enqueue(
    offerTimeoutJobName,
    payload,
    { runAt: at, idempotencyKey: `${offerTimeoutJobName}:${payload.conversationId}:${payload.attempt}` },
    tx,
  );
}
