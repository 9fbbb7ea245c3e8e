import type { ProcessBody } from '@opora/runtime/definitions';
import type { JobHandler } from '../../../adapters/job-queue/index.js';
import { nextCronRun } from '../../../adapters/job-queue/index.js';
import type { Em } from '../../../db/database.js';
import type { PublishExtension } from '../../definitions/definition-service.js';
import type { InstanceDeps } from './instance-deps.js';
import { startInstance } from './start-instance.js';

export const processTimerStartJobName = 'process.timerStart';

export interface TimerStartPayload {
  key: string;
  version: number;
  startEvent: string;
  /** When this run is due (ISO): names the instance it starts and the job after it. */
  at: string;
}

type StartNode = Extract<ProcessBody['nodes'][number], { type: 'bpmn.startEvent' }>;

const timerStarts = (body: ProcessBody): StartNode[] =>
  body.nodes.filter(
    (n): n is StartNode => n.type === 'bpmn.startEvent' && !n.parent && n.config.trigger === 'timer',
  );

/** The next run after `from`: the cron's next slot; a date once, if still ahead (or now, once, just published). */
function nextRun(deps: InstanceDeps, node: StartNode, from: Date, first: boolean): Date | null {
  if (node.config.cron) {
    try {
      return nextCronRun(node.config.cron, from, deps.timeZone);
    } catch {
      return null;
    }
  }
  const date = node.config.timeDate ? Date.parse(node.config.timeDate) : Number.NaN;
  if (!first || Number.isNaN(date)) return null;
  return new Date(Math.max(date, from.getTime()));
}

async function enqueueRun(deps: InstanceDeps, tx: Em, payload: TimerStartPayload) {
  await deps.jobs.enqueue(
    processTimerStartJobName,
    payload,
    {
      runAt: new Date(payload.at),
      idempotencyKey: `${processTimerStartJobName}:${payload.key}:${payload.version}:${payload.startEvent}:${payload.at}`,
      maxAttempts: 5,
    },
    tx,
  );
}

/** Publishing a version with timer start events schedules each one's first run, in the publish's transaction. */
export function timerStartPublishing(deps: InstanceDeps): Required<Pick<PublishExtension, 'published'>> {
  return {
    async published(tx, { key, version, body }) {
      const now = new Date(deps.clock.now());
      for (const node of timerStarts(body as ProcessBody)) {
        const at = nextRun(deps, node, now, true);
        if (at) await enqueueRun(deps, tx, { key, version, startEvent: node.id, at: at.toISOString() });
      }
    },
  };
}

/**
 * A timer start is due: while its version is still the latest published, it starts an instance (once per run,
 * by the run's key) and schedules the cron's next run in the same transaction; a newer version has its own runs.
 */
export function processTimerStartJob(deps: InstanceDeps): JobHandler {
  return async (payload, { em }) => {
    const run = payload as TimerStartPayload;
    const process = await deps.processes.latest(run.key, em);
    if (process?.version !== run.version) return;
    const node = process.node(run.startEvent);
    if (node?.type !== 'bpmn.startEvent' || node.config.trigger !== 'timer') return;
    await startInstance(deps, em, process, {
      startEvent: run.startEvent,
      idempotencyKey: `timer:${run.key}:${run.version}:${run.startEvent}:${run.at}`,
    });
    // From now, not from the run: a server that was down skips the slots it missed instead of catching up on each.
    const next = nextRun(deps, node, new Date(Math.max(Date.parse(run.at), deps.clock.now())), false);
    if (next) await enqueueRun(deps, em, { ...run, at: next.toISOString() });
  };
}
