import type { JobHandler } from '../../../adapters/job-queue/index.js';
import type { InstanceDeps } from './instance-deps.js';
import { lockInstance } from './instance-rows.js';
import { feedRow } from './instance-step.js';
import { deliverMessage, type ProcessMessagePayload } from './message-publish.js';
import type { ProcessFeedPayload } from './process-jobs.js';

/** An event another step left for an instance (a called process ended, a notice went out), fed under its lock. */
export function processFeedJob(deps: InstanceDeps): JobHandler {
  return async (payload, { em }) => {
    const { instanceId, event } = payload as ProcessFeedPayload;
    const row = await lockInstance(deps.db, em, instanceId);
    if (row?.status === 'running') await feedRow(deps, em, row, event);
  };
}

/** A message an instance threw, delivered to the instances waiting for it once the throwing step committed. */
export function processMessageJob(deps: InstanceDeps): JobHandler {
  return async (payload, { em }) => {
    const { message, key } = payload as ProcessMessagePayload;
    await deliverMessage(deps, em, message, key);
  };
}
