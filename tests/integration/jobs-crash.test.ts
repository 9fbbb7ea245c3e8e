import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@opora/server';
import { JobQueue } from '@opora/server/jobs';
import { createThrowawayDatabase, dropDatabase } from '@opora/server/testing/test-database';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from './fixtures/spawn-worker.js';

interface Setup {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function pgliteSetup(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'opora-jobs-'));
  return {
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    open: () => openDatabase({ dataDir: dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresSetup(server: string): Promise<Setup> {
  const url = await createThrowawayDatabase(server);
  return {
    env: { DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url }),
    cleanup: () => dropDatabase(server, url),
  };
}

const targets: [string, () => Promise<Setup>][] = [['pglite', pgliteSetup]];
if (process.env.DATABASE_URL) targets.push(['postgresql', () => postgresSetup(process.env.DATABASE_URL!)]);

describe.each(targets)('a job killed mid-run (%s)', (_name, setup) => {
  it('runs again after restart and its effect happens once', async () => {
    const s = await setup();
    try {
      let db = await s.open();
      await db.migrate();
      await db.query('create table job_effect (job_id text primary key)');
      const job = await new JobQueue(db).enqueue('slow-effect', {});
      await db.close(); // PGlite is single-process: the workers get the files to themselves.

      const first = spawnWorker({ ...s.env, LEASE_MS: '1500', SLOW_MS: '5000' });
      await first.waitFor(`started ${job.id} attempt 1`);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = spawnWorker({ ...s.env, LEASE_MS: '1500', SLOW_MS: '200', EXIT_WHEN_IDLE: '1' });
      await second.waitFor('idle', 60_000);
      expect(second.output()).toContain(`started ${job.id} attempt 2`);

      db = await s.open();
      const effects = await db.query('select job_id from job_effect');
      const [row] = await db.query<{ status: string; attempts: number }>(
        'select status, attempts from job where id = ?',
        [job.id],
      );
      await db.close();
      expect(effects).toHaveLength(1);
      expect(row).toMatchObject({ status: 'done', attempts: 2 });
    } finally {
      await s.cleanup();
    }
    // Two worker processes and four openings of the database: minutes on a busy two-core machine.
  }, 240_000);
});
