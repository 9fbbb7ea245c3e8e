import { dateOf } from '../../../adapters/clock.js';
import type { Em } from '../../../db/database.js';
import type { TaskPort } from '../process-ports.js';
import { noticeClientTask } from './client-task-notice.js';
import { noticeStaff } from './staff-notice.js';
import { inboxAddresses } from './task-audience.js';
import type { TaskDeps } from './task-deps.js';
import { cancelTaskRow, insertTask, type TaskRow } from './task-rows.js';

/** Addresses per live message: 100 of ~45 bytes stay well inside a NOTIFY payload. */
const addressesPerMessage = 100;

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
  // A role held by many is told in several NOTIFYs: one listing them all would pass PostgreSQL's payload limit.
  const message = { type: 'tasks.changed' as const, taskId: row.id };
  const items = [];
  for (let i = 0; i < to.length; i += addressesPerMessage)
    items.push({ to: to.slice(i, i + addressesPerMessage), message });
  await deps.hub.sendMany(tx, items);
}

/** The tasks side of the seam: the engine's tasks become inbox rows, its notices reach people. */
export function taskPort(deps: TaskDeps): TaskPort {
  return {
    async open(tx, task) {
      const row = await insertTask(deps.db, tx, task, dateOf(deps.clock));
      await tellInboxes(deps, tx, row);
      await noticeClientTask(deps, tx, row);
    },
    async cancel(tx, instanceId, taskId) {
      const row = await cancelTaskRow(deps.db, tx, instanceId, taskId, dateOf(deps.clock));
      if (row) await tellInboxes(deps, tx, row);
    },
    notify: (tx, instanceId, effect) => noticeStaff(deps, tx, instanceId, effect),
  };
}
