import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';
import { backoffMs } from './backoff.js';
import { GiveUp, RetryLater } from './job-errors.js';
import { JobQueue } from './job-queue.js';
import { JobWorker } from './job-worker.js';

describe('backoff', () => {
  it('grows exponentially within jitter bounds and is capped', () => {
    expect(backoffMs(1, 1000, 3_600_000, () => 0)).toBe(500);
    expect(backoffMs(3, 1000, 3_600_000, () => 1)).toBe(4000);
    expect(backoffMs(40, 1000, 3_600_000, () => 1)).toBe(3_600_000);
  });
});

describe.each(databaseTargets)('job queue on $name', (target) => {
  let t: TestDatabase;
  let db: Database;
  let queue: JobQueue;
  let worker: JobWorker;
  const effects = async () =>
    (await db.query<{ job: string }>('select job from job_effect order by id')).map((r) => r.job);
  const newWorker = () =>
    new JobWorker(db, { instanceId: 'test-worker', pollIntervalMs: 20, leaseMs: 5000, backoffBaseMs: 10 });
  /** Runs the worker until no job is waiting (delayed ones included), for at most ~3 s. */
  const drain = async () => {
    for (let round = 0; round < 200; round++) {
      await worker.tick();
      await worker.idle();
      const [open] = await db.query<{ n: number | string }>(
        `select count(*) as n from job where status in ('pending', 'running') and run_at < now() + interval '1 second'`,
      );
      if (Number(open?.n) === 0) return;
      await new Promise((r) => setTimeout(r, 15));
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase(target);
    db = t.db;
    await db.query('create table job_effect (id serial primary key, job text not null)');
    queue = new JobQueue(db);
  });
  afterEach(async () => {
    await worker?.stop({ timeoutMs: 1000 });
    await db.query('delete from job');
    await db.query('delete from job_effect');
  });
  afterAll(() => t.dispose());

  it('runs an enqueued job and records its effect in the same transaction', async () => {
    worker = newWorker();
    worker.registerHandler('note', async (payload, { em }) => {
      await db.query('insert into job_effect (job) values (?)', [(payload as { text: string }).text], em);
    });
    const job = await queue.enqueue('note', { text: 'привет' });
    worker.start();
    await drain();
    expect(await effects()).toEqual(['привет']);
    expect((await queue.get(job.id))?.status).toBe('done');
  });

  it('claims a job enqueued while it idles at once, not at its next poll', async () => {
    worker = new JobWorker(db, { instanceId: 'test-worker', pollIntervalMs: 60_000, leaseMs: 5000 });
    worker.registerHandler('note', async (payload, { em }) => {
      await db.query('insert into job_effect (job) values (?)', [(payload as { text: string }).text], em);
    });
    worker.start();
    // The first round finds nothing; the next poll is a minute away, and the listener is subscribed.
    await new Promise((r) => setTimeout(r, 300));
    await db.transaction((em) => queue.enqueue('note', { text: 'сразу' }, {}, em));
    for (let i = 0; i < 100 && !(await effects()).length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await effects()).toEqual(['сразу']);
  });

  it('deduplicates by idempotency key', async () => {
    const a = await queue.enqueue('note', { text: 'a' }, { idempotencyKey: 'k1' });
    const b = await queue.enqueue('note', { text: 'b' }, { idempotencyKey: 'k1' });
    expect(b.id).toBe(a.id);
    expect((await queue.list()).total).toBe(1);
  });

  it('does not run a delayed job early', async () => {
    worker = newWorker();
    worker.registerHandler('note', async () => undefined);
    const job = await queue.enqueue('note', {}, { delayMs: 60_000 });
    worker.start();
    await worker.tick();
    await worker.idle();
    expect((await queue.get(job.id))?.status).toBe('pending');
  });

  it('starts a delayed job and a lapsed lease at their times, not at a poll a minute away', async () => {
    worker = new JobWorker(db, { instanceId: 'idle-worker', pollIntervalMs: 60_000, leaseMs: 5000 });
    const started: Record<string, number> = {};
    worker.registerHandler('note', async (payload) => {
      started[(payload as { text: string }).text] = Date.now();
    });
    const dueAt = Date.now() + 1200;
    await queue.enqueue('note', { text: 'later' }, { runAt: new Date(dueAt) });
    // A job a dead worker held: its lease lapses in 1.5 s.
    const [orphan] = await db.query<{ id: string }>(
      `insert into job (name, payload, status, locked_by, locked_until, attempts, run_at)
       values ('note', '{"text":"orphan"}', 'running', 'dead-worker', now() + interval '1500 milliseconds', 1, now())
       returning id`,
    );
    const leaseEnds = Date.now() + 1500;
    worker.start();
    for (let i = 0; i < 80 && Object.keys(started).length < 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    // Found by the look after the first round and waited for exactly, not at the next poll a minute away.
    expect(started.later! - dueAt).toBeGreaterThanOrEqual(0);
    expect(started.later! - dueAt).toBeLessThan(1000);
    expect(started.orphan! - leaseEnds).toBeLessThan(1000);
    await worker.idle();
    expect((await queue.get(orphan!.id))?.status).toBe('done');
  });

  it('retries with backoff, rolling back the failed attempt, then succeeds', async () => {
    worker = newWorker();
    let calls = 0;
    worker.registerHandler('flaky', async (_payload, { em, job }) => {
      calls++;
      await db.query('insert into job_effect (job) values (?)', [`attempt ${job.attempt}`], em);
      if (job.attempt < 3) throw new Error('upstream timeout');
    });
    const job = await queue.enqueue('flaky', {});
    worker.start();
    await drain();
    expect(calls).toBe(3);
    expect(await effects()).toEqual(['attempt 3']);
    expect(await queue.get(job.id)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('gives up after max attempts and keeps the last error; retry() re-queues it', async () => {
    worker = newWorker();
    worker.registerHandler('broken', async () => {
      throw new Error('always fails');
    });
    const job = await queue.enqueue('broken', {}, { maxAttempts: 2 });
    worker.start();
    await drain();
    expect(await queue.get(job.id)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'always fails',
    });
    // Stopped first: a running worker would take the re-queued job at once, and the check below would race it.
    await worker.stop({ timeoutMs: 1000 });
    expect(await queue.retry(job.id)).toBe(true);
    expect((await queue.get(job.id))?.status).toBe('pending');
  });

  it('waits as long as a handler asks before retrying, and gives up at once when told to', async () => {
    worker = newWorker();
    worker.registerHandler('rate-limited', async () => {
      throw new RetryLater('retry_after 30 s', 30_000);
    });
    worker.registerHandler('hopeless', async () => {
      throw new GiveUp('the bot was blocked by the user');
    });
    const limited = await queue.enqueue('rate-limited', {}, { maxAttempts: 5 });
    const hopeless = await queue.enqueue('hopeless', {}, { maxAttempts: 5 });
    worker.start();
    const state = async () => {
      const job = await queue.get(limited.id);
      return `${job?.status}/${job?.attempts}`;
    };
    await expect.poll(state).toBe('pending/1');
    await expect.poll(async () => (await queue.get(hopeless.id))?.status).toBe('failed');
    const [waiting] = await db.query<{ wait: string; status: string }>(
      `select status, extract(epoch from run_at - now()) as wait from job where id = ?`,
      [limited.id],
    );
    expect(waiting).toMatchObject({ status: 'pending' });
    expect(Number(waiting!.wait)).toBeGreaterThan(25);
    expect(await queue.get(hopeless.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('fails a job nobody can handle without retrying it', async () => {
    worker = newWorker();
    const job = await queue.enqueue('unknown-kind', {});
    worker.start();
    await drain();
    expect(await queue.get(job.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await queue.get(job.id))?.lastError).toContain('no handler');
  });

  it('fires a due cron slot exactly once and schedules the next one', async () => {
    worker = newWorker();
    worker.registerHandler('digest', async (_p, { em }) => {
      await db.query(`insert into job_effect (job) values ('digest')`, [], em);
    });
    await queue.schedule('daily-digest', '0 9 * * *', 'digest', {});
    await db.query(
      `update job_schedule set next_run_at = now() - interval '1 minute' where name = 'daily-digest'`,
    );
    worker.start();
    await drain();
    await worker.tick();
    await drain();
    expect(await effects()).toEqual(['digest']);
    const [schedule] = await db.query<{ next_run_at: string }>(
      `select next_run_at from job_schedule where name = 'daily-digest'`,
    );
    expect(new Date(schedule!.next_run_at).getTime()).toBeGreaterThan(Date.now());
    await expect(queue.schedule('bad', 'not a cron', 'digest')).rejects.toThrow(/invalid cron expression/);
  });

  it('cancels a pending job', async () => {
    const job = await queue.enqueue('note', {}, { delayMs: 60_000 });
    expect(await queue.cancel(job.id)).toBe(true);
    expect((await queue.get(job.id))?.status).toBe('cancelled');
  });

  it('waits for an in-flight job on graceful stop', async () => {
    worker = newWorker();
    worker.registerHandler('slow', async (_p, { em }) => {
      await new Promise((r) => setTimeout(r, 300));
      await db.query(`insert into job_effect (job) values ('slow')`, [], em);
    });
    const job = await queue.enqueue('slow', {});
    worker.start();
    await worker.tick();
    await worker.stop({ timeoutMs: 5000 });
    expect(await effects()).toEqual(['slow']);
    expect((await queue.get(job.id))?.status).toBe('done');
  });
});
