import type { Value } from '@opora/runtime/forms';
import type { ProcessEvent } from '@opora/runtime/processes';
import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import { fail } from '../../../http/app-error.js';
import type { Actor } from '../../auth/actor.js';
import type { LockedInstance } from '../process-ports.js';
import { currentDocumentHash } from './document-hash.js';
import type { TaskDeps } from './task-deps.js';
import { refusalError, taskRefusal } from './task-errors.js';
import { mayWork, taskCaller } from './task-people.js';
import { tellInboxes } from './task-port.js';
import { closeTaskStatement, type TaskRow, taskById } from './task-rows.js';
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
  await staffMayWork(deps, tx, actor)(row);
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

/** Who may decide a task: whom it exists for at all (others are told it does not), and who may decide it. */
export interface DecisionRules {
  visible: (row: TaskRow) => boolean;
  /** Throws the refusal when the caller may not decide the task. */
  mayDecide: (row: TaskRow) => Promise<void>;
}

/** A task closed for a decision, and its instance's row lock, taken first (see `InstancePort.lockOfTask`). */
export interface ClosedTask {
  row: TaskRow;
  locked: LockedInstance | undefined;
}

/**
 * Closes the open task `id` for the decision, as the one who decides it: its instance's lock first, then one
 * statement closes and reads the task; the rules are checked on what it answers and throw, so the transaction
 * rolls the close back, when they refuse.
 */
export async function closeForDecision(
  deps: TaskDeps,
  tx: Em,
  actor: Actor,
  id: string,
  decision: TaskDecision,
  rules: DecisionRules,
): Promise<ClosedTask> {
  const closing = {
    actor: actor.id,
    outcome: decision.outcome ?? null,
    comment: decision.comment ?? null,
    at: dateOf(deps.clock),
  };
  // One round trip: the instance's lock, then the task's close (in that order, as every writer takes them).
  const { locked, rows } = await deps.instances().lockOfTask(id, tx, closeTaskStatement(id, closing));
  const row = locked ? (rows[0] as TaskRow | undefined) : undefined;
  if (row) {
    if (!rules.visible(row)) throw fail.notFound('task');
    await rules.mayDecide(row);
    return { row, locked: locked || undefined };
  }
  // Not open: say why, as reading it first would have.
  const seen = await taskById(deps.db, id, tx);
  if (!seen || !rules.visible(seen)) throw fail.notFound('task');
  throw taskRefusal.closed();
}

/** The staff inbox's rule: the caller's task (not taken by someone else), or anyone's for those who oversee. */
const staffMayWork = (deps: TaskDeps, tx: Em, actor: Actor) => async (row: TaskRow) => {
  const caller = await taskCaller(deps, actor, tx, row.assignee_kind === 'line');
  if (!mayWork(row, caller)) throw taskRefusal.notYours();
  if (row.claimed_by && row.claimed_by !== actor.id && !caller.oversees)
    throw taskRefusal.claimed(row.claimed_name ?? '');
};

/**
 * Carries a decision into the instance, once its task is closed in tx: the engine takes it under the instance's
 * lock (approvals fixed to the document's current content hash), the inboxes hear of it. Whatever the engine
 * refuses is thrown, and the transaction undoes the close. Staff and clients decide through here.
 */
export async function decideClosedTask(
  deps: TaskDeps,
  tx: Em,
  actor: Actor,
  { row, locked }: ClosedTask,
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
  const fed = await deps.instances().feed(row.instance_id, event, tx, locked);
  if (!fed.ok) throw refusalError(fed.refused);
  await tellInboxes(deps, tx, row, [actor.id]);
  return taskView(deps, { ...row, completed_name: actor.name }, deps.clock.now(), tx);
}

/** Decides a task of the staff inbox: the caller's, or anyone's for those who oversee. */
export function decideTask(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  decision: TaskDecision,
  options: DecideOptions = {},
): Promise<TaskView> {
  return deps.db.transaction(async (tx) => {
    const closed = await closeForDecision(deps, tx, actor, id, decision, {
      visible: () => true,
      mayDecide: staffMayWork(deps, tx, actor),
    });
    return decideClosedTask(deps, tx, actor, closed, decision, options);
  });
}
