import { performance } from 'node:perf_hooks';
import type { Database, Em } from '../../db/database.js';
import type { Unlisten } from '../../db/listen.js';
import { safeErrorMessage } from '../../logging/database-error-text.js';
import { type Clock, systemClock } from '../clock.js';
import { backoffMs } from './backoff.js';
import { nextCronRun } from './cron.js';
import { GiveUp, NotYet, RetryLater } from './job-errors.js';
import { JobQueue, jobWakeChannel } from './job-queue.js';
import type { HandlerOptions, JobHandler } from './job-types.js';

export interface WorkerOptions {
  instanceId: string;
  /**
   * How often an idle worker looks for work nobody announced (a job enqueued to run later, a lapsed lease); one
   * statement a look. Jobs due now are announced by NOTIFY and claimed at once; times already in the table
   * (a job's run_at, a lease's end, a cron slot) are waited for exactly.
   */
  pollIntervalMs?: number;
  concurrency?: number;
  /** How long a claimed job stays ours; a job whose owner died is claimed again after this. */
  leaseMs?: number;
  backoffBaseMs?: number;
  /** Where cron slots read the time; the wall clock unless a test fixes it. */
  clock?: Clock;
  log?: { info(msg: string): void; error(obj: unknown, msg: string): void };
}

interface ClaimedJob {
  id: string | number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

class LeaseLostError extends Error {}

/**
 * How many jobs a server runs at once. PGlite is one connection: more jobs at once would only queue on it (and
 * keep requests waiting behind them). PostgreSQL runs them side by side (bot turns of many dialogs) and the pool
 * leaves room for requests.
 */
export function jobSlotsFor(kind: Database['kind']): number {
  return kind === 'postgresql' ? 4 : 2;
}

/**
 * The consumer side of the queue. Delivery is at least once (a job whose worker died is run again), and a
 * handler's database effects happen once: they commit in the same transaction that marks the job done,
 * which only succeeds while this worker still holds the job's lease.
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly handlerOptions = new Map<string, HandlerOptions>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking = false;
  /** A round was asked for while one ran: the running one looks again when it ends. */
  private again = false;
  /** When cron slots were last looked at (monotonic ms): once a poll interval, not once a job. */
  private schedulesAt = Number.NEGATIVE_INFINITY;
  private unlisten: Unlisten | null = null;
  private readonly queue: JobQueue;
  private readonly options: Required<Omit<WorkerOptions, 'log'>> & Pick<WorkerOptions, 'log'>;

  constructor(
    private readonly db: Database,
    options: WorkerOptions,
  ) {
    this.options = {
      pollIntervalMs: 1000,
      concurrency: 2,
      leaseMs: 60_000,
      backoffBaseMs: 1000,
      clock: systemClock,
      ...options,
    };
    this.queue = new JobQueue(db, this.options.clock);
  }

  registerHandler(name: string, handler: JobHandler, options: HandlerOptions = {}): void {
    this.handlers.set(name, handler);
    this.handlerOptions.set(name, options);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
    void this.listenForWork();
  }

  /**
   * A job due now was enqueued (by this process or another: the NOTIFY comes on commit): it is claimed at once
   * rather than at the next poll. Without the notification (the listener failed) polling still finds it.
   */
  private async listenForWork(): Promise<void> {
    try {
      const unlisten = await this.db.listen(
        jobWakeChannel,
        () => this.schedule(0),
        () => this.schedule(0),
      );
      if (this.running) this.unlisten = unlisten;
      else await unlisten();
    } catch (error) {
      this.options.log?.error({ err: error }, 'job wake-up listener failed; jobs are found by polling');
    }
  }

  /** Stops claiming, waits for in-flight jobs; past the timeout their signal is aborted (and their lease lapses). */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), options.timeoutMs ?? 30_000).unref(),
    );
    if ((await Promise.race([Promise.allSettled([...this.inFlight]), timeout])) === 'timeout')
      this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /** One round of work: fire due cron slots, claim what fits, run it. Exposed for tests. */
  async tick(): Promise<number> {
    if (this.ticking) {
      this.again = true;
      return 0;
    }
    this.ticking = true;
    this.again = false;
    try {
      if (performance.now() - this.schedulesAt >= this.options.pollIntervalMs) {
        this.schedulesAt = performance.now();
        await this.fireDueSchedules();
      }
      const capacity = this.options.concurrency - this.inFlight.size;
      if (capacity <= 0 || !this.running) return 0;
      const jobs = await this.claim(capacity);
      for (const job of jobs) this.track(this.run(job));
      return jobs.length;
    } finally {
      this.ticking = false;
      if (this.again) this.schedule(0);
    }
  }

  /** Resolves when every job started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * The next round in `delay` ms; a sooner or later one asked for before replaces it. `look` first: one statement
   * says when the next work is due, and the full round (cron slots, claim: two transactions) runs only then.
   */
  private schedule(delay: number, look = false): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.round(look)
        .then((next) => this.schedule(next.delay, next.look))
        .catch((error: unknown) => {
          this.options.log?.error({ err: error }, 'job poll failed');
          this.schedule(this.options.pollIntervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async round(look: boolean): Promise<{ delay: number; look: boolean }> {
    const idle = { delay: this.options.pollIntervalMs, look: true };
    if (look) {
      const dueInMs = await this.nextDueInMs();
      // Nothing due: sleep until it is (a few ms past, so the database agrees), then a full round; or look again.
      if (dueInMs > 0) return dueInMs <= idle.delay ? { delay: Math.ceil(dueInMs) + 5, look: false } : idle;
      // Something is due, perhaps a cron slot: look at them now, however recently a busy round did.
      this.schedulesAt = Number.NEGATIVE_INFINITY;
      return (await this.tick()) > 0 ? { delay: 0, look: false } : idle;
    }
    // After an unannounced round that found nothing, one look sets the timer to the next thing due.
    if ((await this.tick()) > 0) return { delay: 0, look: false };
    return this.inFlight.size >= this.options.concurrency ? idle : { delay: 0, look: true };
  }

  /** Milliseconds until a job, a lapsed lease or a cron slot is due (≤ 0: now; Infinity: nothing waits). */
  private async nextDueInMs(): Promise<number> {
    const [row] = await this.db.queryPrepared<{ due_in: number | null }>(
      `select (extract(epoch from least(
         (select min(run_at) from job where status = 'pending'),
         (select min(locked_until) from job where status = 'running'),
         (select min(next_run_at) from job_schedule where enabled)) - now()) * 1000)::float8 as due_in`,
      [],
    );
    return row?.due_in === null || row?.due_in === undefined ? Number.POSITIVE_INFINITY : Number(row.due_in);
  }

  private track(run: Promise<void>): void {
    // Only recording a failure can fail here (the database gone): logged, and the job's lease lets it run again.
    const promise = run.catch((error: unknown) =>
      this.options.log?.error({ err: error }, 'job bookkeeping failed'),
    );
    this.inFlight.add(promise);
    void promise.finally(() => {
      this.inFlight.delete(promise);
      if (this.running) this.schedule(0);
    });
  }

  private claim(limit: number): Promise<ClaimedJob[]> {
    // Every job, and every wake-up that finds none, runs it: prepared once per connection on PostgreSQL.
    const claim = (em?: Em) =>
      this.db.queryPrepared<ClaimedJob>(
        `update job set status = 'running', locked_by = ?, locked_until = now() + (? * interval '1 millisecond'),
           attempts = attempts + 1, updated_at = now()
         where id in (
           select id from job
           where (status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now())
           order by run_at, id limit ? for update skip locked)
         returning id, name, payload, attempts, max_attempts`,
        [this.options.instanceId, this.options.leaseMs, limit],
        em,
      );
    // One statement is a transaction of its own on PostgreSQL: BEGIN and COMMIT around it were two round trips
    // per job. The embedded database keeps the explicit transaction (its one connection is shared with requests,
    // and claiming outside one stalled a designer's browser test there).
    return this.db.kind === 'postgresql' ? claim() : this.db.transaction(claim);
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      const payload = typeof job.payload === 'string' ? JSON.parse(job.payload) : job.payload;
      const about = { id: String(job.id), name: job.name, attempt: job.attempts };
      const outside = this.handlerOptions.get(job.name)?.outside;
      const prepared = outside
        ? await outside(payload, { job: about, signal: this.abort.signal })
        : undefined;
      await this.db.transaction(async (em) => {
        await handler(payload, { em, job: about, signal: this.abort.signal, prepared });
        // The job's last statement: what the handler deferred and its NOTIFYs ride with it.
        const done = await this.db.finalQuery(
          `update job set status = 'done', finished_at = now(), locked_until = null, updated_at = now()
           where id = ? and locked_by = ? and status = 'running' returning id`,
          [job.id, this.options.instanceId],
          em,
        );
        if (!done.length) throw new LeaseLostError(`job ${job.id} was taken over by another worker`);
      });
    } catch (error) {
      if (error instanceof LeaseLostError) return;
      await this.recordFailure(job, error, Boolean(handler));
    }
  }

  private async recordFailure(job: ClaimedJob, error: unknown, retryable: boolean): Promise<void> {
    if (error instanceof NotYet) return this.postpone(job, error.delayMs);
    const message = safeErrorMessage(error);
    const final = !retryable || error instanceof GiveUp || job.attempts >= job.max_attempts;
    const backoff = backoffMs(job.attempts, this.options.backoffBaseMs);
    const delay = error instanceof RetryLater ? Math.max(error.delayMs, backoff) : backoff;
    this.options.log?.error(
      { err: error, jobId: job.id, job: job.name, attempt: job.attempts },
      final ? 'job failed for good' : 'job failed, will retry',
    );
    await this.db.query(
      `update job set status = ?, run_at = now() + (? * interval '1 millisecond'), last_error = ?, locked_by = null,
         locked_until = null, finished_at = ${final ? 'now()' : 'null'}, updated_at = now()
       where id = ? and locked_by = ? and status = 'running'`,
      [
        final ? 'failed' : 'pending',
        final ? 0 : delay,
        message.slice(0, 4000),
        job.id,
        this.options.instanceId,
      ],
    );
  }

  /** Back to the queue for a later round, its attempt given back: waiting for another job is not failing. */
  private async postpone(job: ClaimedJob, delayMs: number): Promise<void> {
    await this.db.query(
      `update job set status = 'pending', run_at = now() + (? * interval '1 millisecond'), attempts = attempts - 1,
         locked_by = null, locked_until = null, updated_at = now()
       where id = ? and locked_by = ? and status = 'running'`,
      [delayMs, job.id, this.options.instanceId],
    );
  }

  /** Enqueues each due cron slot once, however many workers share the database (row locks + idempotency keys). */
  private async fireDueSchedules(): Promise<void> {
    await this.db.transaction(async (em) => {
      const due = await this.db.query<{
        name: string;
        cron: string;
        job_name: string;
        payload: unknown;
        timezone: string;
        next_run_at: Date | string;
      }>('select * from job_schedule where enabled and next_run_at <= now() for update skip locked', [], em);
      for (const slot of due) {
        const at = new Date(slot.next_run_at);
        const payload = typeof slot.payload === 'string' ? JSON.parse(slot.payload) : slot.payload;
        await this.queue.enqueue(
          slot.job_name,
          payload,
          { idempotencyKey: `cron:${slot.name}:${at.toISOString()}` },
          em,
        );
        const next = nextCronRun(
          slot.cron,
          new Date(Math.max(this.options.clock.now(), at.getTime())),
          slot.timezone,
        );
        await this.db.query('update job_schedule set next_run_at = ? where name = ?', [next, slot.name], em);
      }
    });
  }
}
