import type { Em } from '../../db/database.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  name: string;
  payload: unknown;
  idempotencyKey: string | null;
  status: JobStatus;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EnqueueOptions {
  runAt?: Date;
  delayMs?: number;
  /** Enqueuing the same key twice yields the one job (at-least-once producers, exactly-one job). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

export interface JobContext {
  /** The transaction that also marks the job done: effects written through it happen once. */
  em: Em;
  job: { id: string; name: string; attempt: number };
  /** Aborted when a graceful shutdown runs out of patience. */
  signal: AbortSignal;
  /** What the handler's `outside` step answered (see {@link HandlerOptions}), if it has one. */
  prepared?: unknown;
}

export interface HandlerOptions {
  /**
   * Work done before the job's transaction opens, its answer handed to the handler as `prepared`: slow I/O that
   * must not hold a transaction (a script run, an HTTP call), or that needs the database itself — on the embedded
   * database, with its single connection, a query outside an open transaction waits for it to end.
   */
  outside?: (payload: unknown, ctx: { job: JobContext['job']; signal: AbortSignal }) => Promise<unknown>;
}

export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export interface JobRow {
  id: string | number;
  name: string;
  payload: unknown;
  idempotency_key: string | null;
  status: JobStatus;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

export const jobFromRow = (row: JobRow): Job => ({
  id: String(row.id),
  name: row.name,
  payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  idempotencyKey: row.idempotency_key,
  status: row.status,
  runAt: new Date(row.run_at),
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  lastError: row.last_error,
  createdAt: new Date(row.created_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
});
