import { randomUUID } from 'node:crypto';
import type { Database, Em } from '../../../db/database.js';
import type { TaskOpening } from '../process-ports.js';

/** A task as the `process_task` table keeps it, with what its views join (claimer's name, record's title and data). */
export interface TaskRow {
  id: string;
  instance_id: string;
  task_id: string;
  token_id: string;
  node_id: string;
  process_key: string;
  process_version: number;
  kind: 'user' | 'approval' | 'revision';
  assignee_kind: 'user' | 'role' | 'line';
  assignee_value: string;
  title: string | null;
  form_key: string | null;
  record_entity: string | null;
  record_id: string | null;
  author: string | null;
  due_at: Date | string | null;
  status: 'open' | 'completed' | 'cancelled';
  claimed_by: string | null;
  completed_by: string | null;
  completed_at: Date | string | null;
  outcome: string | null;
  comment: string | null;
  created_at: Date | string;
  claimed_name?: string | null;
  completed_name?: string | null;
  record_title?: string | null;
  record_data?: unknown;
}

const uuidShape = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/** Tasks with the names and the record their views show; `t` is the task. A record id that is no uuid joins nothing. */
export const taskSelect = `select t.*, cu.name as claimed_name, du.name as completed_name, r.title as record_title,
    r.data as record_data
  from process_task t
  left join app_user cu on cu.id = t.claimed_by
  left join app_user du on du.id = t.completed_by
  left join record r on r.entity = t.record_entity and r.deleted_at is null
    and r.id = (case when t.record_id ~ ${uuidShape} then t.record_id::uuid end)`;

export async function taskById(db: Database, id: string, tx?: Em): Promise<TaskRow | null> {
  const [row] = await db.query<TaskRow>(`${taskSelect} where t.id = ?`, [id], tx);
  return row ?? null;
}

/** Stores a task the engine opened; the same engine task again (a replayed step) is kept once. Answers whether it is new. */
export async function insertTask(
  db: Database,
  tx: Em,
  task: TaskOpening,
  now: Date,
): Promise<TaskRow | null> {
  const [row] = await db.query<TaskRow>(
    `insert into process_task (id, instance_id, task_id, token_id, node_id, process_key, process_version, kind,
       assignee_kind, assignee_value, title, form_key, record_entity, record_id, author, due_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (instance_id, task_id) do nothing returning *`,
    [
      randomUUID(),
      task.instanceId,
      task.taskId,
      task.tokenId,
      task.nodeId,
      task.processKey,
      task.processVersion,
      task.kind,
      task.assignee.kind,
      task.assignee.value,
      task.title ?? null,
      task.form ?? null,
      task.record?.entity ?? null,
      task.record?.id ?? null,
      task.author ?? null,
      task.dueAt ?? null,
      now,
    ],
    tx,
  );
  return row ?? null;
}

/** Withdraws an open task (the engine no longer waits for it); answers the row when it was open. */
export async function cancelTaskRow(
  db: Database,
  tx: Em,
  instanceId: string,
  taskId: string,
  now: Date,
): Promise<TaskRow | null> {
  const [row] = await db.query<TaskRow>(
    `update process_task set status = 'cancelled', completed_at = ?
      where instance_id = ? and task_id = ? and status = 'open' returning *`,
    [now, instanceId, taskId],
    tx,
  );
  return row ?? null;
}

/** Closes a task its person decided; false when it was no longer open. */
export async function completeTaskRow(
  db: Database,
  tx: Em,
  id: string,
  by: { actor: string; outcome: string | null; comment: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `update process_task set status = 'completed', completed_by = ?, completed_at = ?, outcome = ?, comment = ?
      where id = ? and status = 'open' returning id`,
    [by.actor, now, by.outcome, by.comment, id],
    tx,
  );
  return rows.length > 0;
}
