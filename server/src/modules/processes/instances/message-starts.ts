import type { Em } from '../../../db/database.js';
import type { StartRequest } from '../process-ports.js';
import type { InstanceDeps } from './instance-deps.js';
import { startInstance } from './start-instance.js';

/**
 * Starts, in `tx`, every published process whose start event waits for the message `name` (its latest version),
 * about the request's record and with its author — what a module does when its own event happens (an article
 * sent for review: `kb.review`), so the analyst decides in the designer which process handles it. Unlike a
 * delivered message it wakes no waiting instance. `idempotencyKey` names the occasion: each process starts once
 * per key. Answers the instances started; none when no process starts on the message.
 */
export async function startOnMessage(
  deps: InstanceDeps,
  tx: Em,
  name: string,
  request: Omit<StartRequest, 'startEvent'> & { idempotencyKey: string },
): Promise<string[]> {
  const starts = await deps.processes.startingAt(
    (node) =>
      node.type === 'bpmn.startEvent' && node.config.trigger === 'message' && node.config.message === name,
    tx,
  );
  const started: string[] = [];
  for (const { process, startEvent } of starts) {
    const row = await startInstance(deps, tx, process, {
      ...request,
      startEvent,
      idempotencyKey: `message:${request.idempotencyKey}:${process.key}`,
    });
    started.push(row.id);
  }
  return started;
}
