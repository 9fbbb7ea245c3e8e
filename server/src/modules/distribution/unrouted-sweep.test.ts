import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appOnDatabase } from '../../testing/app-on-database.js';
import { holder, newDialog, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';

/** Dialogs from before lines existed (migration 0016 gave them no queue state) meet a server that starts. */
describe.each(databaseTargets)('dialogs found outside any queue at start-up on $name', (target) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-sweep-'));
  });
  afterAll(async () => {
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are routed by their first message in the order they opened, then handed out', async () => {
    const before = await appOnDatabase(database.db, dataDir);
    await before.users.create(
      { login: 'admin-user', name: 'Admin', password: 'correct-horse-battery', roles: ['admin'] },
      null,
    );
    await publishLine(before, 'money', 'sweep-chan', {
      order: 1,
      rules: [{ id: 'bills', keywords: ['счёт'] }],
      groups: ['money'],
    });
    await publishLine(before, 'general', 'sweep-chan', { order: 2, groups: ['general'] });
    const texts = ['Где мой счёт?', 'Когда доставка?', 'Пришлите счёт, пожалуйста'];
    const ids: string[] = [];
    for (const text of texts) ids.push((await newDialog(before, 'sweep-chan', text)).id);
    await before.close();
    // As the rows were before lines: open, waiting for a person, in no line and no queue.
    await database.db.query(
      `update conversation set line_key = null, queued_at = null, handler = 'queue', operator_id = null
        where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );

    const after = await appOnDatabase(database.db, dataDir);
    try {
      const rows = await Promise.all(ids.map((id) => holder(after, id)));
      expect(rows.map((r) => r.line_key)).toEqual(['money', 'general', 'money']);
      const queued = await database.db.query<{ id: string }>(
        `select id from conversation where line_key = 'money' order by queued_at, id`,
      );
      expect(queued.map((r) => r.id)).toEqual([ids[0], ids[2]]);
      const op = await operator(after, 'Бухгалтер', { groups: ['money'], capacity: 1 });
      await after.distribution.drain();
      expect((await holder(after, ids[0]!)).operator_id).toBe(op.id);
      expect(await holder(after, ids[2]!)).toMatchObject({ handler: 'queue', operator_id: null });
    } finally {
      await after.close();
    }
  });
});
