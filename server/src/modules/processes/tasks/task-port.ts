import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import type { TaskPort } from '../process-ports.js';
import { noticeStaff } from './staff-notice.js';
import { inboxAddresses } from './task-audience.js';
import type { TaskDeps } from './task-deps.js';
import { cancelTaskRow, insertTask, type TaskRow } from './task-rows.js';

/** Tells every inbox the task is in that it changed (a NOTIFY, leaving when the step commits). */
export async function tellInboxes(
  deps: TaskDeps,
  tx: Em,
  row: TaskRow,
  also: readonly (string | null)[] = [],
) {
  const to = await inboxAddresses(deps, tx, { kind: row.assignee_kind, value: row.assignee_value }, [
    row.claimed_by,
    ...also,
  ]);
  await deps.hub.send(tx, to, { type: 'tasks.changed', taskId: row.id });
}

/** The tasks side of the seam: the engine's tasks become inbox rows, its notices reach people. */
export function taskPort(deps: TaskDeps): TaskPort {
  return {
    async open(tx, task) {
      const row = await insertTask(deps.db, tx, task, dateOf(deps.clock));
      if (row) await tellInboxes(deps, tx, row);
    },
    async cancel(tx, instanceId, taskId) {
      const row = await cancelTaskRow(deps.db, tx, instanceId, taskId, dateOf(deps.clock));
      if (row) await tellInboxes(deps, tx, row);
    },
    notify: (tx, instanceId, effect) => noticeStaff(deps, tx, instanceId, effect),
  };
}
