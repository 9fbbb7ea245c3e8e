import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(databaseTargets)(
  'Database.notify, defer, batch, finalQuery, queryPrepared and afterCommit on $name',
  (target) => {
    let test: TestDatabase;
    const got: string[] = [];

    beforeAll(async () => {
      test = await createTestDatabase(target);
      await test.db.listen('opora_a', (p) => got.push(`a:${p}`));
      await test.db.listen('opora_b', (p) => got.push(`b:${p}`));
    });
    afterAll(() => test.dispose());

    it("sends a transaction's NOTIFYs together, in order, when it commits", async () => {
      got.length = 0;
      await test.db.transaction(async (tx) => {
        await test.db.notify('opora_a', '1', tx);
        await test.db.notify('opora_b', ['2', '3'], tx);
        await test.db.notify('opora_a', '4', tx);
      });
      await until(() => got.length === 4);
      expect(got).toEqual(['a:1', 'b:2', 'b:3', 'a:4']);
    });

    it('sends nothing when the transaction rolls back, and at once outside a transaction', async () => {
      got.length = 0;
      await test.db
        .transaction(async (tx) => {
          await test.db.notify('opora_a', 'lost', tx);
          throw new Error('abort');
        })
        .catch(() => undefined);
      await test.db.notify('opora_b', 'now');
      await until(() => got.length === 1);
      await new Promise((r) => setTimeout(r, 150));
      expect(got).toEqual(['b:now']);
    });

    it('sends deferred writes in front of the next query, in order, and a `?` in their text stays text', async () => {
      await test.db.query('create table deferred_note (n int primary key, text text not null)');
      const counts = await test.db.transaction(async (tx) => {
        await test.db.defer('insert into deferred_note values (?, ?)', [1, 'Как сменить пароль? ?? \\?'], tx);
        await test.db.defer('update deferred_note set text = text || ? where n = ?', [' — да', 1], tx);
        return test.db.query<{ text: string }>('select text from deferred_note where n = ?', [1], tx);
      });
      expect(counts).toEqual([{ text: 'Как сменить пароль? ?? \\? — да' }]);
    });

    it('sends what is still deferred with the commit, and outside a transaction at once', async () => {
      await test.db.transaction(async (tx) => {
        await test.db.defer('insert into deferred_note values (?, ?)', [2, 'в конце'], tx);
      });
      await test.db.defer('insert into deferred_note values (?, ?)', [3, 'сразу']);
      const rows = await test.db.query<{ n: number }>('select n from deferred_note where n > 1 order by n');
      expect(rows.map((r) => Number(r.n))).toEqual([2, 3]);
    });

    it('fails the transaction when a deferred write fails, and keeps nothing of it', async () => {
      const failed = test.db.transaction(async (tx) => {
        await test.db.defer('insert into deferred_note values (?, ?)', [4, 'первая'], tx);
        await test.db.defer('insert into deferred_note values (?, ?)', [2, 'повтор ключа'], tx);
        await test.db.notify('opora_a', 'never', tx);
      });
      await expect(failed).rejects.toThrow(/duplicate key|unique/);
      expect(await test.db.query('select n from deferred_note where n = 4')).toEqual([]);
    });

    it('runs a batch in one go, in order, after what was deferred, answering each statement its rows', async () => {
      const answers = await test.db.transaction(async (tx) => {
        await test.db.defer('insert into deferred_note values (?, ?)', [5, 'отложено'], tx);
        return test.db.batch(
          [
            { sql: 'select n from deferred_note where n = ? for update', params: [5] },
            { sql: 'update deferred_note set text = ? where n = ? returning text', params: ['да?', 5] },
          ],
          tx,
        );
      });
      expect(answers).toEqual([[{ n: 5 }], [{ text: 'да?' }]]);
      expect(
        await test.db.batch([{ sql: 'select count(*)::int as c from deferred_note', params: [] }]),
      ).toEqual([[{ c: 4 }]]);
    });

    it('sends a final statement with the deferred writes before it and the NOTIFYs after it, delivered on commit', async () => {
      got.length = 0;
      const answer = await test.db.transaction(async (tx) => {
        await test.db.defer('insert into deferred_note values (?, ?)', [6, 'перед концом'], tx);
        await test.db.notify('opora_a', 'final', tx);
        const rows = await test.db.finalQuery<{ text: string }>(
          'select text from deferred_note where n = ?',
          [6],
          tx,
        );
        // Nothing is delivered before the commit, though the NOTIFY has been sent.
        await new Promise((r) => setTimeout(r, 100));
        expect(got).toEqual([]);
        return rows;
      });
      expect(answer).toEqual([{ text: 'перед концом' }]);
      await until(() => got.length === 1);
      expect(got).toEqual(['a:final']);
    });

    it('runs a prepared statement in a transaction, on a pooled connection, and behind deferred writes', async () => {
      const at = new Date('2026-12-04T12:00:00.000Z');
      const sql = 'select ?::int + 1 as next, ?::timestamptz as at, ? as text';
      const outside = await test.db.queryPrepared<{ next: number; at: string; text: string }>(sql, [
        1,
        at,
        'вне',
      ]);
      expect(outside.map((row) => ({ ...row, at: new Date(row.at).toISOString() }))).toEqual([
        { next: 2, at: at.toISOString(), text: 'вне' },
      ]);
      const inside = await test.db.transaction(async (tx) => {
        const first = await test.db.queryPrepared<{ next: number }>(sql, [2, at, 'в'], tx);
        await test.db.defer('insert into deferred_note values (?, ?)', [7, 'отложено'], tx);
        const [seen] = await test.db.queryPrepared<{ text: string }>(
          'select text from deferred_note where n = ?',
          [7],
          tx,
        );
        return { first, seen };
      });
      expect(inside.first[0]?.next).toBe(3);
      expect(inside.seen).toEqual({ text: 'отложено' });
    });

    it('runs what waits for a commit only once the transaction has committed, never after a rollback', async () => {
      const ran: string[] = [];
      await test.db.transaction(async (tx) => {
        test.db.afterCommit(tx, () => ran.push('committed'));
        expect(ran).toEqual([]);
      });
      await test.db
        .transaction(async (tx) => {
          test.db.afterCommit(tx, () => ran.push('rolled back'));
          throw new Error('abort');
        })
        .catch(() => undefined);
      test.db.afterCommit(undefined, () => ran.push('at once'));
      expect(ran).toEqual(['committed', 'at once']);
    });
  },
);
