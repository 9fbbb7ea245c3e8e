import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';
import { cappedCount, countCap } from './capped-count.js';
import type { Database } from './database.js';

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

  it('asks a sample of the table when the planner cannot judge the condition, before counting to the cap', async () => {
    // Three conditions that always hold together: the planner multiplies their shares (0.4³) and expects a
    // sixth of the 80,000 matches; a 1 % sample of the pages sees them.
    await test.db.query(
      `create table judged (id serial primary key, a boolean, b boolean, c boolean) with (autovacuum_enabled = false)`,
    );
    await test.db.query(
      `insert into judged (a, b, c) select n % 5 < 2, n % 5 < 2, n % 5 < 2 from generate_series(1, 200000) n`,
    );
    await test.db.query('analyze judged');
    const statements: string[] = [];
    const watched: Database = {
      ...test.db,
      query: (sql, params, em) => {
        statements.push(sql);
        return test.db.query(sql, params, em);
      },
    };
    const where = 'where a and b and c';
    const sampled = `from judged tablesample system (1) repeatable (0) ${where}`;
    expect(await cappedCount(watched, `from judged ${where}`, [], undefined, { sampled })).toEqual({
      total: countCap,
      totalCapped: true,
    });
    expect(statements.some((sql) => sql.includes(`limit ${countCap + 1}`))).toBe(false);
    statements.length = 0;
    // Without a sample to ask, the rows are counted to the cap.
    expect(await cappedCount(watched, `from judged ${where}`, [])).toEqual({
      total: countCap,
      totalCapped: true,
    });
    expect(statements.some((sql) => sql.includes(`limit ${countCap + 1}`))).toBe(true);
  });
});
