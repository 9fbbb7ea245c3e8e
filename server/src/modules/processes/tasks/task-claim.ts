import { dateOf } from '../../../adapters/clock.js';
import { fail } from '../../../http/app-error.js';
import type { Actor } from '../../auth/actor.js';
import { workableTask } from './task-decide.js';
import type { TaskDeps } from './task-deps.js';
import { taskRefusal } from './task-errors.js';
import { taskCaller } from './task-people.js';
import { tellInboxes } from './task-port.js';
import { type TaskRow, taskById } from './task-rows.js';
import { type TaskView, taskView } from './task-view.js';

/** Takes an open task to work on: nobody else of its assignees sees it as free until it is let go. */
export function claimTask(deps: TaskDeps, actor: Actor, id: string): Promise<TaskView> {
  return deps.db.transaction(async (tx) => {
    const row = await workableTask(deps, tx, actor, id);
    // A supervisor may decide a task someone took, but not take it from them: they let it go first.
    if (row.claimed_by && row.claimed_by !== actor.id) throw taskRefusal.claimed(row.claimed_name ?? '');
    const taken = await deps.db.query(
      `update process_task set claimed_by = ? where id = ? and status = 'open'
         and (claimed_by is null or claimed_by = ?) returning id`,
      [actor.id, id, actor.id],
      tx,
    );
    const now = await taskById(deps.db, id, tx);
    if (!taken.length)
      throw now?.status === 'open' ? taskRefusal.claimed(now.claimed_name ?? '') : taskRefusal.closed();
    await tellInboxes(deps, tx, now as TaskRow);
    return taskView(deps, now as TaskRow, deps.clock.now(), tx);
  });
}

/** Lets a taken task go back to its assignees: the one who took it, or a supervisor. */
export function unclaimTask(deps: TaskDeps, actor: Actor, id: string): Promise<TaskView> {
  return deps.db.transaction(async (tx) => {
    const row = await taskById(deps.db, id, tx);
    if (!row) throw fail.notFound('task');
    if (row.status !== 'open') throw taskRefusal.closed();
    if (row.claimed_by && row.claimed_by !== actor.id && !(await taskCaller(deps, actor, tx)).oversees)
      throw taskRefusal.notYours();
    if (row.claimed_by) {
      await deps.db.query(`update process_task set claimed_by = null where id = ?`, [id], tx);
      await tellInboxes(deps, tx, row);
    }
    const now = (await taskById(deps.db, id, tx)) as TaskRow;
    return taskView(deps, now, dateOf(deps.clock).getTime(), tx);
  });
}
