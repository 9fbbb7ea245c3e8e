import { createInstance, type PreparedProcess, type ProcessEvent } from '@opora/runtime/processes';
import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import { AppError } from '../../../http/app-error.js';
import type { StartRequest } from '../process-ports.js';
import type { InstanceDeps } from './instance-deps.js';
import { type InstanceRow, insertInstance, instanceByIdempotencyKey } from './instance-rows.js';
import { feedRow } from './instance-step.js';

type StartVariables = Extract<ProcessEvent, { type: 'start' }>['variables'];

/**
 * Starts an instance of `process` in `tx` and steps it from its start event: the row, the first step and its
 * effects commit together. A start under an idempotency key used before answers that instance and starts nothing.
 * A start the engine refuses (no such start event) is a 400 and, thrown, rolls the row back.
 */
export async function startInstance(
  deps: InstanceDeps,
  tx: Em,
  process: PreparedProcess,
  request: StartRequest,
  parent?: { id: string; requestId: string },
): Promise<InstanceRow> {
  if (request.idempotencyKey) {
    const known = await instanceByIdempotencyKey(deps.db, tx, request.idempotencyKey);
    if (known) return known;
  }
  const refused = startRefusal(process, request.startEvent);
  if (refused) throw startRefused(refused);
  const created = createInstance(process);
  const state = request.messageHops ? { ...created, messageHops: request.messageHops } : created;
  const row = await insertInstance(
    deps.db,
    tx,
    {
      state,
      ...(request.actor ? { startedBy: request.actor } : {}),
      ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      ...(parent ? { parent } : {}),
    },
    dateOf(deps.clock),
  );
  // Taken by a concurrent start with the same key since the read above: that one is the instance.
  if (!row) return (await instanceByIdempotencyKey(deps.db, tx, request.idempotencyKey ?? ''))!;
  const outcome = await feedRow(deps, tx, row, {
    type: 'start',
    ...(request.variables ? { variables: request.variables as StartVariables } : {}),
    ...(request.startEvent ? { startEvent: request.startEvent } : {}),
    ...(request.actor ? { actor: request.actor } : {}),
    ...(request.record ? { record: request.record } : {}),
  });
  if (!outcome.ok)
    throw new AppError(400, 'process_start_refused', 'process_start_refused', { reason: outcome.refused });
  return { ...row, state: outcome.instance, status: outcome.instance.status };
}

const startRefused = (reason: string) =>
  new AppError(400, 'process_start_refused', 'process_start_refused', { reason });

/** Why the engine would refuse to start here, asked before a row is written (the engine's own rule, read ahead). */
function startRefusal(process: PreparedProcess, startEvent: string | undefined): string | null {
  const starts = process.starts.get('') ?? [];
  if (startEvent) return starts.some((s) => s.id === startEvent) ? null : `no start event "${startEvent}"`;
  return starts.length ? null : 'the process has no start event';
}
