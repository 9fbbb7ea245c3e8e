import { Migration } from '@mikro-orm/migrations';

/**
 * The tasks people work on in process instances (the inbox, «Мои задачи»), as the engine opened them.
 *
 * - `process_task`: one row per engine task (`task_id`, unique within its instance): a replayed step that opens
 *   the same task again stores it once. `assignee_kind`/`assignee_value` say who it is for (a user id, a role, a
 *   line key); `claimed_by` is who took it to work on; `status` moves from `open` to `completed` or `cancelled`
 *   and never back. A task goes with its instance (the history's retention deletes both). `record_id` is text: the engine names records by whatever id the process was started with.
 * - Indexes: the open tasks of an assignee in inbox order (due date, nulls last, then creation), all open tasks in
 *   that order (the team's inbox), tasks of a record (the approval sheet), and what a user claimed or completed.
 */
export class Migration20261221ProcessTasks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table process_task (
      id uuid primary key,
      instance_id uuid not null references process_instance(id) on delete cascade,
      task_id text not null,
      token_id text not null,
      node_id text not null,
      process_key text not null,
      process_version integer not null,
      kind text not null check (kind in ('user', 'approval', 'revision')),
      assignee_kind text not null check (assignee_kind in ('user', 'role', 'line')),
      assignee_value text not null,
      title text,
      form_key text,
      record_entity text,
      record_id text,
      author text,
      due_at timestamptz,
      status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
      claimed_by uuid,
      completed_by uuid,
      completed_at timestamptz,
      outcome text,
      comment text,
      created_at timestamptz not null,
      constraint process_task_engine_unique unique (instance_id, task_id))`);
    this.addSql(`create index process_task_assignee_idx
      on process_task (assignee_kind, assignee_value, (due_at is null), due_at, created_at, id) where status = 'open'`);
    this.addSql(`create index process_task_open_idx
      on process_task ((due_at is null), due_at, created_at, id) where status = 'open'`);
    this.addSql(
      'create index process_task_claimed_idx on process_task (claimed_by) where claimed_by is not null',
    );
    this.addSql(
      'create index process_task_completed_by_idx on process_task (completed_by) where completed_by is not null',
    );
    this.addSql(
      'create index process_task_record_idx on process_task (record_entity, record_id) where record_id is not null',
    );
  }
}
