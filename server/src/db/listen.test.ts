import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';
import { type Database, openDatabase } from './database.js';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const settle = () => new Promise((r) => setTimeout(r, 150));

describe.each(databaseTargets)('Database.listen on $name', (target) => {
  let test: TestDatabase;
  /** A second handle on the same database: another server process on PostgreSQL, the same one on PGlite. */
  let other: Database;

  beforeAll(async () => {
    test = await createTestDatabase(target);
    other = test.url ? await openDatabase({ databaseUrl: test.url }) : test.db;
  });
  afterAll(async () => {
    if (other !== test.db) await other.close();
    await test.dispose();
  });

  it('delivers what a transaction notifies when, and only if, it commits', async () => {
    const got: string[] = [];
    const unlisten = await test.db.listen('opora_test', (payload) => got.push(payload));
    await other.transaction(async (tx) => {
      await other.query('select pg_notify(?, ?)', ['opora_test', 'committed'], tx);
      await settle();
      expect(got).toEqual([]);
    });
    await until(() => got.length === 1);
    await other
      .transaction(async (tx) => {
        await other.query('select pg_notify(?, ?)', ['opora_test', 'rolled back'], tx);
        throw new Error('abort');
      })
      .catch(() => undefined);
    await other.query('select pg_notify(?, ?)', ['opora_test', 'plain']);
    await until(() => got.length === 2);
    expect(got).toEqual(['committed', 'plain']);

    await unlisten();
    await other.query('select pg_notify(?, ?)', ['opora_test', 'after unlisten']);
    await settle();
    expect(got).toHaveLength(2);
  });

  it('refuses channel names it would have to quote', async () => {
    await expect(test.db.listen('bad"; drop table x; --', () => undefined)).rejects.toThrow(/channel/);
  });

  it.runIf(target.url)('listens again after its connection is cut, telling of the gap', async () => {
    const got: string[] = [];
    let gaps = 0;
    await test.db.listen(
      'opora_reconnect',
      (payload) => got.push(payload),
      () => gaps++,
    );
    const cut = await other.query<{ n: number }>(
      `select count(pg_terminate_backend(pid)) as n from pg_stat_activity
       where datname = current_database() and query ilike 'listen%'`,
    );
    expect(Number(cut[0]!.n)).toBeGreaterThan(0);
    // Notifications sent while it is away are lost; keep sending until one arrives.
    for (let i = 0; i < 100 && !got.length; i++) {
      await other.query('select pg_notify(?, ?)', ['opora_reconnect', 'again']);
      await settle();
    }
    expect(got[0]).toBe('again');
    // Once when the connection dropped, once when it listened again: a cache starts over after both.
    expect(gaps).toBe(2);
  });
});

describe('Database.listen on PGlite while the ORM is busy', () => {
  it('does not let a LISTEN join someone else’s transaction (which would undo it on rollback)', async () => {
    const { db, dispose } = await createTestDatabase({ name: 'pglite' });
    try {
      const got: string[] = [];
      let release: () => void = () => undefined;
      let started: () => void = () => undefined;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const begun = new Promise<void>((r) => {
        started = r;
      });
      const busy = db
        .transaction(async (tx) => {
          await db.query('select 1', [], tx);
          started();
          await held;
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await begun;
      const listening = db.listen('opora_busy', (payload) => got.push(payload));
      await settle();
      release();
      await busy;
      await listening;
      await db.query('select pg_notify(?, ?)', ['opora_busy', 'heard']);
      await until(() => got.length === 1);
    } finally {
      await dispose();
    }
  });
});
