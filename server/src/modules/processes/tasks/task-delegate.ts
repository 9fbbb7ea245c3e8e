import type { Database } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import { decideTask } from './task-decide.js';
import type { TaskDeps } from './task-deps.js';
import { taskRefusal } from './task-errors.js';
import { taskById } from './task-rows.js';
import type { TaskView } from './task-view.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the id is an active staff member (someone a task may be passed to). */
async function isActiveStaff(db: Database, id: string): Promise<boolean> {
  if (!uuid.test(id)) return false;
  const [row] = await db.query(
    `select 1 from app_user where id = ? and active and cardinality(roles) > 0 and not ('client' = any(roles))`,
    [id],
  );
  return row !== undefined;
}

/**
 * Passes an approval to another staff member: the engine records the delegation on the approval sheet and opens
 * the same approver's slot as a task for them (the author and the approver themselves are refused by it).
 */
export async function delegateTask(
  deps: TaskDeps,
  actor: Actor,
  id: string,
  body: { to: string; comment?: string },
): Promise<TaskView> {
  const row = await taskById(deps.db, id);
  if (row && row.kind !== 'approval') throw taskRefusal.notDelegable();
  if (!(await isActiveStaff(deps.db, body.to))) throw taskRefusal.delegateUnknown();
  return decideTask(
    deps,
    actor,
    id,
    { outcome: 'delegate', delegateTo: body.to, ...(body.comment ? { comment: body.comment } : {}) },
    { seenIsCurrent: true },
  );
}
