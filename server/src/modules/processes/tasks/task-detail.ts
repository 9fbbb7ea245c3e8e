import { fail } from '../../../http/app-error.js';
import { type ApprovalSheetRow, sheetRows } from './approval-sheet.js';
import type { TaskDeps } from './task-deps.js';
import { taskById } from './task-rows.js';
import { type TaskView, taskView } from './task-view.js';

/** A task with what deciding it needs: its instance's variables and the decisions taken so far. */
export async function taskDetail(
  deps: TaskDeps,
  id: string,
): Promise<TaskView & { variables: Record<string, unknown>; decisions: ApprovalSheetRow[] }> {
  const row = await taskById(deps.db, id);
  if (!row) throw fail.notFound('task');
  const state = await deps.instances().get(row.instance_id);
  return {
    ...(await taskView(deps, row, deps.clock.now())),
    variables: state?.variables ?? {},
    decisions: state ? await sheetRows(deps, [{ id: row.instance_id, state }]) : [],
  };
}
