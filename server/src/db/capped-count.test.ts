import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';
import { cappedCount, countCap } from './capped-count.js';

describe.each(databaseTargets)('a capped count on $name', (target) => {
  let test: TestDatabase;
  const count = (kind: string) => cappedCount(test.db, 'from counted where kind = ?', [kind]);
  const seed = (kind: string, rows: number) =>
    test.db.query(`insert into counted (kind) select ? from generate_series(1, ${rows})`, [kind]);

  beforeAll(async () => {
    test = await createTestDatabase(target);
    // Statistics change only when a test analyzes: the estimates it relies on stay put.
    await test.db.query(
      'create table counted (id serial primary key, kind text not null) with (autovacuum_enabled = false)',
    );
    await test.db.query('create index counted_kind on counted (kind)');
  });
  afterAll(() => test.dispose());

  it('counts exactly up to the cap, across the first small count', async () => {
    await seed('few', 7);
    await seed('edge', 1_001);
    await seed('some', 4_321);
    await seed('at-cap', countCap);
    await test.db.query('analyze counted');
    expect(await count('none')).toEqual({ total: 0, totalCapped: false });
    expect(await count('few')).toEqual({ total: 7, totalCapped: false });
    expect(await count('edge')).toEqual({ total: 1_001, totalCapped: false });
    expect(await count('some')).toEqual({ total: 4_321, totalCapped: false });
    expect(await count('at-cap')).toEqual({ total: countCap, totalCapped: false });
  });

  it('says «more» past the cap, whether the statistics know the rows or not', async () => {
    // Unknown to the statistics (no analyze since): the estimate is low, so the rows are counted to the cap.
    await seed('unanalyzed', countCap + 1);
    expect(await count('unanalyzed')).toEqual({ total: countCap, totalCapped: true });
    // Known to be far more than the cap: the estimate says so without counting.
    await seed('many', countCap * 4);
    await test.db.query('analyze counted');
    expect(await count('many')).toEqual({ total: countCap, totalCapped: true });
  });

  it('takes the planner at its word far past the cap: the price of not counting ten thousand rows', async () => {
    await seed('shrunk', countCap * 4);
    await test.db.query('analyze counted');
    // Until statistics are next gathered, the planner still expects forty thousand rows, so none are counted.
    await test.db.query(`delete from counted where kind = 'shrunk' and id % 8 <> 0`);
    expect(await count('shrunk')).toEqual({ total: countCap, totalCapped: true });
    await test.db.query('analyze counted');
    expect(await count('shrunk')).toEqual({ total: countCap / 2, totalCapped: false });
  });
});
