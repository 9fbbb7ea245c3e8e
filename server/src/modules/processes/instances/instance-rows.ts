import { randomUUID } from 'node:crypto';
import type { InstanceStatus, ProcessInstance } from '@opora/runtime/processes';
import type { Database, Em, Statement } from '../../../db/database.js';

/** A process instance as the `process_instance` table keeps it. */
export interface InstanceRow {
  id: string;
  processKey: string;
  processVersion: number;
  status: InstanceStatus;
  state: ProcessInstance;
  startedBy: string | null;
  /** The calling instance and its request, when a call activity started this one. */
  parent: { id: string; requestId: string } | null;
  startedAt: Date;
  endedAt: Date | null;
}

type Row = Record<string, unknown>;

export const instanceRow = (row: Row): InstanceRow => ({
  id: String(row.id),
  processKey: String(row.process_key),
  processVersion: Number(row.process_version),
  status: row.status as InstanceStatus,
  state: (typeof row.state === 'string' ? JSON.parse(row.state) : row.state) as ProcessInstance,
  startedBy: (row.started_by as string | null) ?? null,
  parent: row.parent_id ? { id: String(row.parent_id), requestId: String(row.parent_request) } : null,
  startedAt: new Date(row.started_at as string),
  endedAt: row.ended_at ? new Date(row.ended_at as string) : null,
});

/** The instance under its row lock (the caller's transaction holds it to the commit): one event at a time. */
export async function lockInstance(db: Database, tx: Em, id: string): Promise<InstanceRow | null> {
  const [row] = await db.query<Row>('select * from process_instance where id = ? for update', [id], tx);
  return row ? instanceRow(row) : null;
}

/** The instance of task `taskId` (the inbox's row id) under its row lock, as {@link lockInstance}. */
/**
 * Locks the instance of a task, then runs `then` in the same round trip (the server runs them in order, so the
 * instance is locked before `then` touches the task): the instance's row, and `then`'s rows.
 */
export async function lockInstanceOfTask(
  db: Database,
  tx: Em,
  taskId: string,
  then: Statement,
): Promise<{ row: InstanceRow | null; rows: unknown[] }> {
  const [locked, rows] = await db.batch(
    [
      {
        sql: `select i.* from process_instance i where i.id = (select instance_id from process_task where id = ?)
          for update of i`,
        params: [taskId],
      },
      then,
    ],
    tx,
  );
  const row = (locked as Row[] | undefined)?.[0];
  return { row: row ? instanceRow(row) : null, rows: rows ?? [] };
}

export async function instanceById(
  db: Database,
  tx: Em | undefined,
  id: string,
): Promise<InstanceRow | null> {
  const [row] = await db.query<Row>('select * from process_instance where id = ?', [id], tx);
  return row ? instanceRow(row) : null;
}

export async function instanceByIdempotencyKey(db: Database, tx: Em, key: string) {
  const [row] = await db.query<Row>('select * from process_instance where idempotency_key = ?', [key], tx);
  return row ? instanceRow(row) : null;
}

export interface NewInstance {
  state: ProcessInstance;
  startedBy?: string;
  idempotencyKey?: string;
  parent?: { id: string; requestId: string };
}

/** Inserts a created (not yet started) instance; null when its idempotency key was taken meanwhile. */
export async function insertInstance(
  db: Database,
  tx: Em,
  input: NewInstance,
  now: Date,
): Promise<InstanceRow | null> {
  const [row] = await db.query<Row>(
    `insert into process_instance (id, process_key, process_version, status, state, record_entity, record_id,
       started_by, idempotency_key, parent_id, parent_request, started_at, updated_at)
     values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (idempotency_key) do nothing returning *`,
    [
      randomUUID(),
      input.state.processKey,
      input.state.processVersion,
      input.state.status,
      JSON.stringify(input.state),
      input.state.record?.entity ?? null,
      input.state.record?.id ?? null,
      input.startedBy ?? null,
      input.idempotencyKey ?? null,
      input.parent?.id ?? null,
      input.parent?.requestId ?? null,
      now,
      now,
    ],
    tx,
  );
  return row ? instanceRow(row) : null;
}

/**
 * Writes a step's state: the status and the record mirrored into columns for the list, the end time once it
 * ended, and the tokens' message waits into `process_subscription` (see {@link saveSubscriptions}).
 */
export async function saveInstance(
  db: Database,
  tx: Em,
  row: InstanceRow,
  state: ProcessInstance,
  now: Date,
): Promise<InstanceRow> {
  const ended = state.status !== 'running';
  const endedAt = ended ? (row.endedAt ?? now) : null;
  // Deferred: it goes out with the step's next statement (the next task's insert, or the commit's NOTIFYs).
  await db.defer(
    `update process_instance set state = ?::jsonb, status = ?, record_entity = ?, record_id = ?, ended_at = ?,
       updated_at = ? where id = ?`,
    [
      JSON.stringify(state),
      state.status,
      state.record?.entity ?? null,
      state.record?.id ?? null,
      endedAt,
      now,
      row.id,
    ],
    tx,
  );
  // Most steps of most processes wait for no message before or after: nothing to rewrite then.
  if (messageWaits(row.state).length || messageWaits(state).length)
    await saveSubscriptions(db, tx, row.id, state);
  return { ...row, state, status: state.status, endedAt };
}

/** A correlation as the subscription table compares it: a value's text, null for "any". */
export const correlationText = (value: unknown): string | null =>
  value === undefined || value === null
    ? null
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

export interface MessageWait {
  token: string;
  name: string;
  correlation: string | null;
}

/** The message waits of a running instance's tokens (an event-based gateway's each). */
export function messageWaits(state: ProcessInstance): MessageWait[] {
  if (state.status !== 'running') return [];
  const waits: MessageWait[] = [];
  for (const token of state.tokens) {
    const wait = token.wait;
    if (wait?.kind === 'message')
      waits.push({ token: token.id, name: wait.name, correlation: correlationText(wait.correlation) });
    if (wait?.kind === 'events')
      for (const m of wait.messages)
        waits.push({ token: token.id, name: m.name, correlation: correlationText(m.correlation) });
  }
  return waits;
}

/** Replaces the instance's subscriptions with the message waits its tokens have now. */
async function saveSubscriptions(db: Database, tx: Em, instanceId: string, state: ProcessInstance) {
  await db.query('delete from process_subscription where instance_id = ?', [instanceId], tx);
  const waits = messageWaits(state);
  if (!waits.length) return;
  await db.query(
    `insert into process_subscription (instance_id, token_id, name, correlation)
     select ?, w->>'token', w->>'name', w->>'correlation' from jsonb_array_elements(?::jsonb) w`,
    [instanceId, JSON.stringify(waits)],
    tx,
  );
}
