import { openDatabase } from '@opora/server';
import { JobQueue } from '@opora/server/jobs';
import { createThrowawayDatabase, dropDatabase } from '@opora/server/testing/test-database';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from './fixtures/spawn-worker.js';

const server = process.env.DATABASE_URL;

// Two processes can share only a PostgreSQL server (PGlite is in-process), so this needs DATABASE_URL.
describe.skipIf(!server)('two worker processes on one PostgreSQL database', () => {
  it('never run the same job twice', async () => {
    const url = await createThrowawayDatabase(server!);
    const db = await openDatabase({ databaseUrl: url });
    try {
      await db.migrate();
      await db.query(
        'create table job_run_log (id serial primary key, job_id text not null, instance text not null)',
      );
      const queue = new JobQueue(db);
      for (let i = 0; i < 300; i++) await queue.enqueue('log-run', { i });

      const workers = ['a', 'b'].map((name) =>
        spawnWorker({ DATABASE_URL: url, INSTANCE: name, CONCURRENCY: '4', EXIT_WHEN_IDLE: '1' }),
      );
      await Promise.all(workers.map((w) => w.waitFor('idle', 120_000)));

      const runs = await db.query<{ job_id: string; instance: string }>(
        'select job_id, instance from job_run_log',
      );
      expect(runs).toHaveLength(300);
      expect(new Set(runs.map((r) => r.job_id)).size).toBe(300);
      const instances = new Set(runs.map((r) => r.instance));
      expect([...instances].sort()).toEqual(['a', 'b']);
      const [done] = await db.query<{ n: string | number }>(
        `select count(*) as n from job where status = 'done'`,
      );
      expect(Number(done?.n)).toBe(300);
    } finally {
      await db.close();
      await dropDatabase(server!, url);
    }
  });
});
