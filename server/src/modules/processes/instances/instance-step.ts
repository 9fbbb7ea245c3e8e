import {
  type ProcessEffect,
  type ProcessEvent,
  type ProcessInstance,
  stepProcess,
} from '@opora/runtime/processes';
import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import type { FeedOutcome } from '../process-ports.js';
import type { InstanceDeps } from './instance-deps.js';
import { type InstanceRow, saveInstance } from './instance-rows.js';
import { claimKeptMessages } from './kept-messages.js';
import { publishLater } from './message-publish.js';
import { feedLater, isRequest, requestEffect } from './process-jobs.js';
import { cancelAllTimers, cancelTimer, scheduleTimer } from './process-timers.js';

/**
 * Steps the instance with `event` and carries out what the step asks, in order, in the caller's transaction,
 * which holds the instance's row lock: one event of an instance at a time, whatever server process runs it.
 * A refused event changes nothing.
 */
export async function feedRow(
  deps: InstanceDeps,
  tx: Em,
  row: InstanceRow,
  event: ProcessEvent,
): Promise<FeedOutcome> {
  const process = await deps.processes.pinned(row.processKey, row.processVersion, tx);
  // Published versions are kept; one that disappeared cannot be stepped.
  if (!process)
    return { ok: false, refused: `process ${row.processKey}@${row.processVersion} is not published` };
  const step = stepProcess(process, row.state, event, deps.clock);
  if (step.refused) return { ok: false, refused: step.refused };
  const saved = await saveInstance(deps.db, tx, row, step.state, dateOf(deps.clock));
  await carryOut(deps, tx, saved, step.effects);
  if (deps.messageTtlSeconds > 0) await claimKeptMessages(deps, tx, saved);
  return { ok: true, instance: step.state };
}

async function carryOut(deps: InstanceDeps, tx: Em, row: InstanceRow, effects: readonly ProcessEffect[]) {
  for (const [index, effect] of effects.entries()) {
    if (isRequest(effect)) await requestEffect(deps, tx, row.id, effect);
    else if (effect.type === 'createTask') await deps.tasks.open(tx, taskOpening(row, effect));
    else if (effect.type === 'cancelTask') await deps.tasks.cancel(tx, row.id, effect.taskId);
    else if (effect.type === 'notifyStaff') await notify(deps, tx, row, effect);
    else if (effect.type === 'scheduleTimer') await scheduleTimer(deps, tx, row.id, effect);
    else if (effect.type === 'cancelTimer') await cancelTimer(deps, tx, row.id, effect.key);
    else if (effect.type === 'publishMessage')
      await publishLater(
        deps,
        tx,
        {
          name: effect.name,
          variables: effect.variables,
          from: row.processKey,
          hops: (row.state.messageHops ?? 0) + 1,
        },
        `${row.id}:${row.state.seq}:${index}`,
      );
    else if (effect.type === 'ended') await ended(deps, tx, row, effect);
  }
}

const taskOpening = (row: InstanceRow, effect: Extract<ProcessEffect, { type: 'createTask' }>) => ({
  instanceId: row.id,
  processKey: row.processKey,
  processVersion: row.processVersion,
  taskId: effect.taskId,
  tokenId: effect.tokenId,
  nodeId: effect.nodeId,
  kind: effect.kind,
  assignee: effect.assignee,
  ...(effect.title ? { title: effect.title } : {}),
  ...(effect.form ? { form: effect.form } : {}),
  ...(effect.dueAt !== undefined ? { dueAt: new Date(effect.dueAt) } : {}),
  ...(effect.record ? { record: effect.record } : {}),
  ...(row.state.author ? { author: row.state.author } : {}),
});

/** A notice through the tasks side; a service task that sent it waits for its result, which follows at once. */
async function notify(
  deps: InstanceDeps,
  tx: Em,
  row: InstanceRow,
  effect: Extract<ProcessEffect, { type: 'notifyStaff' }>,
) {
  await deps.tasks.notify(tx, row.id, effect);
  if (effect.requestId)
    await feedLater(
      deps,
      tx,
      row.id,
      { type: 'effectResult', requestId: effect.requestId, ok: true },
      `${row.id}:${effect.requestId}`,
    );
}

/**
 * No timer fires into an ended instance, and no process it called runs on for it (cancelled by a job each, as a
 * caller never takes its children's locks while holding its own); a called process's end answers its caller with
 * its variables.
 */
async function ended(
  deps: InstanceDeps,
  tx: Em,
  row: InstanceRow,
  effect: Extract<ProcessEffect, { type: 'ended' }>,
) {
  await cancelAllTimers(deps, tx, row.id);
  await cancelChildren(deps, tx, row.id);
  if (!row.parent) return;
  await feedLater(
    deps,
    tx,
    row.parent.id,
    calledAnswer(row.parent.requestId, row.state, effect),
    `${row.parent.id}:${row.parent.requestId}`,
  );
}

async function cancelChildren(deps: InstanceDeps, tx: Em, parentId: string) {
  const children = await deps.db.query<{ id: string }>(
    `select id from process_instance where parent_id = ? and status = 'running'`,
    [parentId],
    tx,
  );
  for (const { id } of children)
    await feedLater(
      deps,
      tx,
      id,
      { type: 'cancel', reason: 'the calling process ended' },
      `${id}:cancel-by-parent`,
    );
}

/** The caller's `effectResult`: the called process's variables when it completed, its error otherwise. */
function calledAnswer(
  requestId: string,
  state: ProcessInstance,
  effect: Extract<ProcessEffect, { type: 'ended' }>,
): ProcessEvent {
  if (effect.status === 'completed')
    return { type: 'effectResult', requestId, ok: true, value: state.variables };
  return {
    type: 'effectResult',
    requestId,
    ok: false,
    error: effect.error ?? { message: `the called process ${state.processKey} ${effect.status}` },
  };
}
