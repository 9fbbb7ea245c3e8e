import type { Database, Em } from '../../db/database.js';
import { type Clock, dateOf, systemClock } from '../clock.js';
import { nextCronRun } from './cron.js';
import { type EnqueueOptions, type Job, type JobRow, type JobStatus, jobFromRow } from './job-types.js';

/** The NOTIFY channel a job due now is announced on: workers claim it at once instead of at their next poll. */
export const jobWakeChannel = 'opora_job_due';

/**
 * The producer side of the durable queue. Pass `em` to enqueue inside the transaction that changes state,
 * so the job exists exactly when the change does (the outbox pattern).
 */
export class JobQueue {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock = systemClock,
  ) {}

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}, em?: Em): Promise<Job> {
    const { sql, params } = this.insertStatement(name, payload, options);
    const inserted = await this.db.query<JobRow>(sql, params, em);
    if (inserted[0]) return jobFromRow(inserted[0]);
    const [existing] = await this.db.query<JobRow>(
      'select * from job where idempotency_key = ?',
      [options.idempotencyKey],
      em,
    );
    return jobFromRow(existing!);
  }

  /**
   * {@link enqueue} when the caller needs no answer: inside a transaction the insert goes with its next statement
   * or its commit (`Database.defer`), saving a round trip; a key enqueued before is skipped as ever.
   */
  async enqueueLater(name: string, payload: unknown, options: EnqueueOptions, em: Em): Promise<void> {
    const { sql, params } = this.insertStatement(name, payload, options);
    await this.db.defer(sql, params, em);
  }

  /** One job's insert (a key enqueued before inserts nothing), announced in the same statement when due now. */
  private insertStatement(name: string, payload: unknown, options: EnqueueOptions) {
    const runAt = options.runAt ?? new Date(this.clock.now() + (options.delayMs ?? 0));
    // Announced without a round trip of its own; delivered only if the transaction commits.
    const wake = runAt.getTime() <= this.clock.now() ? `, pg_notify('${jobWakeChannel}', '')` : '';
    return {
      sql: `insert into job (name, payload, idempotency_key, run_at, max_attempts) values (?, ?::jsonb, ?, ?, ?)
       on conflict (idempotency_key) do nothing returning *${wake}`,
      params: [
        name,
        JSON.stringify(payload ?? {}),
        options.idempotencyKey ?? null,
        runAt,
        options.maxAttempts ?? 5,
      ],
    };
  }

  /**
   * Enqueues several jobs of one name in one statement (a batch of timers written by one transaction); each keeps
   * its own idempotency key, and a key enqueued before is skipped.
   */
  async enqueueMany(
    name: string,
    jobs: readonly { payload: unknown; idempotencyKey: string; runAt: Date }[],
    options: { maxAttempts?: number } = {},
    em?: Em,
  ): Promise<void> {
    if (!jobs.length) return;
    await this.db.query(
      `insert into job (name, payload, idempotency_key, run_at, max_attempts)
       select ?, j->'payload', j->>'key', (j->>'runAt')::timestamptz, ? from jsonb_array_elements(?::jsonb) j
       on conflict (idempotency_key) do nothing`,
      [
        name,
        options.maxAttempts ?? 5,
        JSON.stringify(
          jobs.map((job) => ({
            payload: job.payload ?? {},
            key: job.idempotencyKey,
            runAt: job.runAt.toISOString(),
          })),
        ),
      ],
      em,
    );
  }

  /** Creates or replaces a cron schedule that enqueues `jobName` at every slot. */
  async schedule(
    name: string,
    cron: string,
    jobName: string,
    payload: unknown = {},
    timezone = 'Europe/Moscow',
  ): Promise<void> {
    const next = nextCronRun(cron, dateOf(this.clock), timezone);
    await this.db.query(
      `insert into job_schedule (name, cron, job_name, payload, timezone, next_run_at) values (?, ?, ?, ?::jsonb, ?, ?)
       on conflict (name) do update set cron = excluded.cron, job_name = excluded.job_name, payload = excluded.payload,
         timezone = excluded.timezone, next_run_at = excluded.next_run_at, enabled = true`,
      [name, cron, jobName, JSON.stringify(payload), timezone, next],
    );
  }

  async get(id: string): Promise<Job | null> {
    const [row] = await this.db.query<JobRow>('select * from job where id = ?', [id]);
    return row ? jobFromRow(row) : null;
  }

  async list(filter: { status?: JobStatus; name?: string; limit?: number; offset?: number } = {}) {
    const conditions: [string, string][] = [];
    if (filter.status) conditions.push(['status = ?', filter.status]);
    if (filter.name) conditions.push(['name = ?', filter.name]);
    const where = ['true', ...conditions.map(([sql]) => sql)];
    const params = conditions.map(([, value]) => value);
    const limit = filter.limit ?? 50;
    const offset = filter.offset ?? 0;
    const rows = await this.db.query<JobRow>(
      `select * from job where ${where.join(' and ')} order by id desc limit ? offset ?`,
      [...params, limit, offset],
    );
    const [count] = await this.db.query<{ total: string | number }>(
      `select count(*) as total from job where ${where.join(' and ')}`,
      params,
    );
    return { items: rows.map(jobFromRow), total: Number(count?.total ?? 0), limit, offset };
  }

  /** Cancels a job that has not finished; a running one completes its current attempt but is not retried. */
  async cancel(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `update job set status = 'cancelled', updated_at = now() where id = ? and status in ('pending', 'failed') returning id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Puts a failed job back in the queue now, with a fresh set of attempts. */
  async retry(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `update job set status = 'pending', run_at = now(), attempts = 0, finished_at = null, updated_at = now() where id = ? and status = 'failed' returning id`,
      [id],
    );
    return rows.length > 0;
  }
}
