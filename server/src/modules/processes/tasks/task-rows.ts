import { randomUUID } from 'node:crypto';
import type { Database, Em, Statement } from '../../../db/database.js';
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

/**
 * Tasks with the names and the record their views show, read from `source` (the table, or a statement's returned
 * rows); `t` is the task. A record id that is no uuid joins nothing.
 */
const taskSelectFrom = (source: string) => `select t.*, cu.name as claimed_name, du.name as completed_name,
    r.title as record_title, r.data as record_data
  from ${source} t
  left join app_user cu on cu.id = t.claimed_by
  left join app_user du on du.id = t.completed_by
  left join record r on r.entity = t.record_entity and r.deleted_at is null
    and r.id = (case when t.record_id ~ ${uuidShape} then t.record_id::uuid end)`;

export const taskSelect = taskSelectFrom('process_task');

export async function taskById(db: Database, id: string, tx?: Em): Promise<TaskRow | null> {
  const [row] = await db.query<TaskRow>(`${taskSelect} where t.id = ?`, [id], tx);
  return row ?? null;
}

/**
 * Stores a task the engine opened, deferred (it goes out with the step's next statement or its commit), and
 * answers the row as stored. The engine names each task once per instance (ids from the instance's counter, the
 * step committed with its state), so the same task never comes twice; the conflict clause only keeps the table
 * whole if it ever did.
 */
export async function insertTask(db: Database, tx: Em, task: TaskOpening, now: Date): Promise<TaskRow> {
  const row: TaskRow = {
    id: randomUUID(),
    instance_id: task.instanceId,
    task_id: task.taskId,
    token_id: task.tokenId,
    node_id: task.nodeId,
    process_key: task.processKey,
    process_version: task.processVersion,
    kind: task.kind,
    assignee_kind: task.assignee.kind,
    assignee_value: task.assignee.value,
    title: task.title ?? null,
    form_key: task.form ?? null,
    record_entity: task.record?.entity ?? null,
    record_id: task.record?.id ?? null,
    author: task.author ?? null,
    due_at: task.dueAt ?? null,
    status: 'open',
    claimed_by: null,
    completed_by: null,
    completed_at: null,
    outcome: null,
    comment: null,
    created_at: now,
  };
  await db.defer(
    `insert into process_task (id, instance_id, task_id, token_id, node_id, process_key, process_version, kind,
       assignee_kind, assignee_value, title, form_key, record_entity, record_id, author, due_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (instance_id, task_id) do nothing`,
    [
      row.id,
      row.instance_id,
      row.task_id,
      row.token_id,
      row.node_id,
      row.process_key,
      row.process_version,
      row.kind,
      row.assignee_kind,
      row.assignee_value,
      row.title,
      row.form_key,
      row.record_entity,
      row.record_id,
      row.author,
      row.due_at,
      now,
    ],
    tx,
  );
  return row;
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

/** What closes a decided task: who, when, the outcome (a revision's or a plain task's default when none), why. */
export interface TaskClosing {
  actor: string;
  outcome: string | null;
  comment: string | null;
  at: Date;
}

/**
 * The statement that closes a task as decided, if it is still open, and answers it as the views read it (no row
 * when it was not open). The caller checks who may afterwards and throws, rolling the close back, when they may not.
 */
export function closeTaskStatement(id: string, closing: TaskClosing): Statement {
  return {
    sql: `with closed as (
       update process_task set status = 'completed', completed_by = ?, completed_at = ?, comment = ?,
         outcome = coalesce(?, case kind when 'revision' then 'revised' else 'completed' end)
        where id = ? and status = 'open' returning *)
     ${taskSelectFrom('closed')}`,
    params: [closing.actor, closing.at, closing.comment, closing.outcome, id],
  };
}
