import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../testing/test-database.js';

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(databaseTargets)('Database.notify on $name', (target) => {
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
});
