import type { Value } from '@opora/runtime/forms';
import type { ProcessEvent } from '@opora/runtime/processes';
import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import { fail } from '../../../http/app-error.js';
import type { Actor } from '../../auth/actor.js';
import { currentDocumentHash } from './document-hash.js';
import type { TaskDeps } from './task-deps.js';
import { refusalError, taskRefusal } from './task-errors.js';
import { mayWork, taskCaller } from './task-people.js';
import { tellInboxes } from './task-port.js';
import { completeTaskRow, type TaskRow, taskById } from './task-rows.js';
import { type TaskView, taskView } from './task-view.js';

/** What a person answers on a task. */
export interface TaskDecision {
  outcome?: string;
  variables?: Record<string, Value>;
  comment?: string;
  /** The document's content hash the approver saw (from the task's `documentHash`). */
  seenHash?: string;
  delegateTo?: string;
}

export interface DecideOptions {
  /** The caller decides without having opened the document (a delegation, the list's bulk approval): no hash check. */
  seenIsCurrent?: boolean;
  /** Refuse any but an approval task (bulk approval). */
  approvalOnly?: boolean;
}

/** An open task the caller may work on, read in tx; the inbox's refusals otherwise. */
export async function workableTask(deps: TaskDeps, tx: Em, actor: Actor, id: string): Promise<TaskRow> {
  const row = await taskById(deps.db, id, tx);
  if (!row) throw fail.notFound('task');
  if (row.status !== 'open') throw taskRefusal.closed();
  const caller = await taskCaller(deps, actor, tx, row.assignee_kind === 'line');
  if (!mayWork(row, caller)) throw taskRefusal.notYours();
  if (row.claimed_by && row.claimed_by !== actor.id && !caller.oversees)
    throw taskRefusal.claimed(row.claimed_name ?? '');
  return row;
}

function completionEvent(
  row: TaskRow,
  actor: Actor,
  d: TaskDecision,
  hashes: { seen?: string; current?: string },
) {
  return {
    type: 'taskCompleted',
    taskId: row.task_id,
    actor: actor.id,
    ...(d.outcome !== undefined ? { outcome: d.outcome } : {}),
    ...(d.variables !== undefined ? { variables: d.variables } : {}),
    ...(d.comment !== undefined ? { comment: d.comment } : {}),
    ...(d.delegateTo !== undefined ? { delegateTo: d.delegateTo } : {}),
    ...(hashes.seen !== undefined ? { seenHash: hashes.seen } : {}),
    ...(hashes.current !== undefined ? { currentHash: hashes.current } : {}),
  } satisfies ProcessEvent;
}

/**
 * Decides a task read and checked in tx: the engine takes the decision under the instance's lock (approvals fixed
 * to the document's current content hash), the task closes, the inboxes hear of it. Whatever the engine refuses
 * changes nothing. Staff and clients decide through here; each side checks first who may.
 */
export async function decideTaskRow(
  deps: TaskDeps,
  tx: Em,
  actor: Actor,
  row: TaskRow,
  decision: TaskDecision,
  options: DecideOptions = {},
): Promise<TaskView> {
  if (options.approvalOnly && row.kind !== 'approval') throw taskRefusal.notApproval();
  const current =
    row.kind === 'approval' && row.record_entity && row.record_id
      ? await currentDocumentHash(deps.db, deps.documents, tx, {
          entity: row.record_entity,
          id: row.record_id,
        })
      : undefined;
  const seen = options.seenIsCurrent ? current : decision.seenHash;
  const event = completionEvent(row, actor, decision, { seen, current });
  const fed = await deps.instances().feed(row.instance_id, event, tx);
  if (!fed.ok) throw refusalError(fed.refused);
  const now = dateOf(deps.clock);
  const outcome = decision.outcome ?? (row.kind === 'revision' ? 'revised' : 'completed');
  if (
    !(await completeTaskRow(
      deps.db,
      tx,
      row.id,
      { actor: actor.id, outcome, comment: decision.comment ?? null },
      now,
    ))
  )
    throw taskRefusal.closed();
  await tellInboxes(deps, tx, row, [actor.id]);
  // The row as the update left it, without reading it again.
  const completed: TaskRow = {
    ...row,
    status: 'completed',
    completed_by: actor.id,
    completed_name: actor.name,
    completed_at: now,
    outcome,
    comment: decision.comment ?? null,
  };
  return taskView(deps, completed, now.getTime(), tx);
}

/** Decides a task of the staff inbox: the caller's, or anyone's for those who oversee. */
export function decideTask(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  decision: TaskDecision,
  options: DecideOptions = {},
): Promise<TaskView> {
  return deps.db.transaction(async (tx) =>
    decideTaskRow(deps, tx, actor, await workableTask(deps, tx, actor, id), decision, options),
  );
}
