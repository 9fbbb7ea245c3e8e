import type { JobHandler } from '../../../adapters/job-queue/index.js';
import type { InstanceDeps } from './instance-deps.js';
import { lockInstance } from './instance-rows.js';
import { feedRow } from './instance-step.js';
import type { ProcessTimerPayload } from './process-timers.js';

/**
 * An instance's timer is due: under the instance's lock its `timerFired` goes to the engine, which refuses a
 * timer it no longer waits for (the task was done, the message came), so a stale timer changes nothing. The step
 * and the job's completion commit together: the timer fires once.
 */
export function processTimerJob(deps: InstanceDeps): JobHandler {
  return async (payload, { em }) => {
    const { instanceId, key } = payload as ProcessTimerPayload;
    const row = await lockInstance(deps.db, em, instanceId);
    if (row?.status === 'running') await feedRow(deps, em, row, { type: 'timerFired', key });
  };
}
