import type { Value } from '@opora/runtime/forms';
import { dateOf } from '../../../adapters/clock.js';
import { fail } from '../../../http/app-error.js';
import type { Actor } from '../../auth/actor.js';
import { closeForDecision, decideClosedTask } from './task-decide.js';
import type { TaskDeps } from './task-deps.js';
import { listTasks, type TaskQuery } from './task-list.js';
import type { TaskCaller } from './task-people.js';
import { type TaskRow, taskById } from './task-rows.js';
import { type TaskView, taskView } from './task-view.js';

/** What a client may be given: forms to fill in and revisions of what they sent; approvals are staff work. */
const clientKinds: readonly TaskRow['kind'][] = ['user', 'revision'];

/** A client as the inbox matches them: by their own user id only, never by a role or a line. */
const clientCaller = (actor: Actor): TaskCaller => ({
  id: actor.id,
  roles: [],
  lines: [],
  oversees: false,
  kinds: clientKinds,
});

/** Whether the task is this client's: assigned to their user id, of a kind a client does. */
export const isClientTask = (row: TaskRow, clientId: string) =>
  row.assignee_kind === 'user' && row.assignee_value === clientId && clientKinds.includes(row.kind);

/** The client's own tasks, open or done, in due order with counts. */
export function listClientTasks(
  deps: TaskDeps,
  actor: Actor,
  query: Pick<TaskQuery, 'status' | 'limit' | 'after'>,
) {
  return listTasks(deps, clientCaller(actor), { ...query, scope: 'mine' }, dateOf(deps.clock));
}

/** One of the client's tasks; anyone else's does not exist for them (404). */
async function clientTaskRow(deps: TaskDeps, actor: Actor, id: string, tx?: Parameters<typeof taskById>[2]) {
  const row = await taskById(deps.db, id, tx);
  if (!row || !isClientTask(row, actor.id)) throw fail.notFound('task');
  return row;
}

/**
 * A client's task with whether its record is one of their requests (the portal links to it then). The instance's
 * variables stay with staff: they may hold what the organisation keeps to itself.
 */
export async function clientTaskDetail(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  ownsRequest: (actor: Actor, recordId: string) => Promise<boolean>,
): Promise<TaskView & { requestId?: string }> {
  const row = await clientTaskRow(deps, actor, id);
  const view = await taskView(deps, row, deps.clock.now());
  const recordId = row.record_id;
  return recordId && (await ownsRequest(actor, recordId)) ? { ...view, requestId: recordId } : view;
}

/**
 * The form a client's task asks them to fill in (a task without one has no form to give: 404), and a reader of
 * what the process already holds for the fields it shows: a revision opens with what they sent, not empty.
 */
export async function clientTaskForm(
  deps: TaskDeps,
  actor: Actor,
  id: string,
): Promise<{ formKey: string; valuesOf: (fieldKeys: readonly string[]) => Promise<Record<string, Value>> }> {
  const row = await clientTaskRow(deps, actor, id);
  if (!row.form_key) throw fail.notFound('form');
  return {
    formKey: row.form_key,
    async valuesOf(fieldKeys) {
      const variables = (await deps.instances().get(row.instance_id))?.variables ?? {};
      // Only the form's own fields: the rest of the instance's variables stay with staff.
      return Object.fromEntries(
        fieldKeys.filter((key) => Object.hasOwn(variables, key)).map((key) => [key, variables[key]!]),
      );
    },
  };
}

/** The client sends their answers: the staff side's decision path, with no outcome (those are staff-only). */
export function completeClientTask(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  body: { variables?: Record<string, unknown>; comment?: string },
): Promise<TaskView> {
  const decision = {
    ...(body.variables ? { variables: body.variables as Record<string, Value> } : {}),
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
  };
  return deps.db.transaction(async (tx) => {
    const closed = await closeForDecision(deps, tx, actor, id, decision, {
      visible: (task) => isClientTask(task, actor.id),
      mayDecide: async () => undefined,
    });
    return decideClosedTask(deps, tx, actor, closed, decision);
  });
}
