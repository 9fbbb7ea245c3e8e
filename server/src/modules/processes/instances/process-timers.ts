import type { ProcessEffect } from '@opora/runtime/processes';
import { nextCronRun } from '../../../adapters/job-queue/index.js';
import type { Em } from '../../../db/database.js';
import type { InstanceDeps } from './instance-deps.js';

export const processTimerJobName = 'process.timer';

export interface ProcessTimerPayload {
  instanceId: string;
  key: string;
}

type Schedule = Extract<ProcessEffect, { type: 'scheduleTimer' }>;

/**
 * An instance's timer as a durable job. The engine's keys are unique per token, node and attempt, so the
 * idempotency key `process.timer:<instance>:<key>` makes a step carried out again schedule nothing new.
 */
export async function scheduleTimer(deps: InstanceDeps, tx: Em, instanceId: string, effect: Schedule) {
  await deps.jobs.enqueue(
    processTimerJobName,
    { instanceId, key: effect.key } satisfies ProcessTimerPayload,
    {
      runAt: timerDue(deps, effect),
      idempotencyKey: `${processTimerJobName}:${instanceId}:${effect.key}`,
      maxAttempts: 5,
    },
    tx,
  );
}

/** When the timer fires: its time; the next slot of its cron; its date; now when none of them reads. */
function timerDue(deps: InstanceDeps, effect: Schedule): Date {
  const now = new Date(deps.clock.now());
  if (effect.at !== undefined) return new Date(effect.at);
  if (effect.cron) {
    try {
      return nextCronRun(effect.cron, now, deps.timeZone);
    } catch {
      return now;
    }
  }
  const date = effect.timeDate ? Date.parse(effect.timeDate) : Number.NaN;
  return Number.isNaN(date) ? now : new Date(date);
}

/** Deletes a pending timer (one already running finds the engine no longer waiting and is refused). */
export async function cancelTimer(deps: InstanceDeps, tx: Em, instanceId: string, key: string) {
  await deps.db.query(
    `delete from job where idempotency_key = ? and status = 'pending'`,
    [`${processTimerJobName}:${instanceId}:${key}`],
    tx,
  );
}

/**
 * Deletes every pending timer of an instance that ended: none of them can fire into it any more. The job name is
 * in the statement's text, so the planner matches the partial index on pending timers' instance ids.
 */
export async function cancelAllTimers(deps: InstanceDeps, tx: Em, instanceId: string) {
  await deps.db.query(deleteInstanceTimers, [instanceId], tx);
}

export const deleteInstanceTimers = `delete from job
  where name = '${processTimerJobName}' and status = 'pending' and payload->>'instanceId' = ?`;
