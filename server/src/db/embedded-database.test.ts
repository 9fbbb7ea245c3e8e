import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';

/** The embedded database in its own thread, reached through the pg driver: what the server relies on. */
describe('the embedded database', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its rows in DATA_DIR/pgdata across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opora-embedded-'));
    dirs.push(dataDir);
    let db = await openDatabase({ dataDir });
    await db.query('create table kept (id int primary key, note text)');
    await db.transaction(async (tx) => {
      await db.query('insert into kept values (?, ?)', [1, 'в транзакции; с точкой с запятой'], tx);
    });
    await db.close();
    db = await openDatabase({ dataDir });
    try {
      expect(await db.query('select id, note from kept')).toEqual([
        { id: 1, note: 'в транзакции; с точкой с запятой' },
      ]);
    } finally {
      await db.close();
    }
  });

  it('queues callers on its one connection: transactions never see each other’s uncommitted rows', async () => {
    const db = await openDatabase({});
    try {
      await db.query('create table counter (n int)');
      const rolledBack = db
        .transaction(async (tx) => {
          await db.query('insert into counter values (?)', [-1], tx);
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new Error('undo');
        })
        .catch(() => 'undone');
      const writes = Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await db.query('insert into counter values (?)', [i], tx);
          return (await db.query<{ n: number }>('select count(*)::int as n from counter', [], tx))[0]!.n;
        }),
      );
      expect(await rolledBack).toBe('undone');
      expect((await Promise.all(writes)).every((n) => n >= 1)).toBe(true);
      expect(await db.query('select count(*)::int as n, min(n) as low from counter')).toEqual([
        { n: 20, low: 0 },
      ]);
    } finally {
      await db.close();
    }
  });

  it('tells what it waits on: a statement running long, the pool’s callers behind it', async () => {
    const db = await openDatabase({});
    try {
      // The thread writes its counts once a second.
      await expect
        .poll(() => db.describeWaits(), { timeout: 5_000 })
        .toBe(
          'pool: 0 of 1 connections in use, 0 callers waiting for one; embedded database: idle; 1 connection, 0 messages queued',
        );
      const slow = db.query(`select pg_sleep(1.5), 'Анна' as name`);
      const behind = db.query('select 1');
      // The thread is inside the statement: the status comes from shared memory, not from the thread.
      await expect
        .poll(() => db.describeWaits(), { timeout: 5_000 })
        .toMatch(
          /^pool: 1 of 1 connections in use, 1 callers waiting for one; embedded database: busy for \d+\.\d s with one message \(query: select pg_sleep\(1\.5\), …\)/,
        );
      expect(db.describeWaits()).not.toContain('Анна');
      await Promise.all([slow, behind]);
    } finally {
      await db.close();
    }
  });

  it('stops with a clear error when PGlite itself breaks, and fails later queries at once', async () => {
    let failed: (error: Error) => void = () => undefined;
    const failure = new Promise<Error>((resolve) => {
      failed = resolve;
    });
    const db: Database = await openDatabase({ onFailure: failed });
    try {
      // Deep enough to overflow the WebAssembly stack: the backend traps instead of reporting an SQL error.
      await expect(
        db.query(`select websearch_to_tsquery('russian', ?) is not null`, ['"'.repeat(50_000)]),
      ).rejects.toThrow();
      const error = await failure;
      expect(error.message).toMatch(/^The embedded database \(PGlite in memory\) stopped: /);
      await expect(db.query('select 1')).rejects.toThrow(error.message);
      expect(await db.ping()).toBe(false);
    } finally {
      await db.close();
    }
  });
});
