import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/database.js';
import { appOnDatabase as appOn } from '../../testing/app-on-database.js';
import { api, operator, publishLine } from '../../testing/distribution-fixture.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';

type App = Awaited<ReturnType<typeof appOn>>;

async function admin(app: App) {
  await app.users.create(
    { login: 'admin-user', name: 'Admin', password: 'correct-horse-battery', roles: ['admin'] },
    null,
  );
}

const queueOrder = (db: Database, lineKey: string) =>
  db.query<{ id: string; operator_id: string | null }>(
    `select id, operator_id from conversation where line_key = ? order by queued_at, id`,
    [lineKey],
  );

async function dialogs(app: App, channel: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const taken = await app.conversations.takeInbound(
      { type: 'telegram', key: channel },
      {
        from: { externalId: `${channel}-client-${i}` },
        externalMessageId: `${channel}-m-${i}`,
        message: { text: `Вопрос ${i}`, parts: [], attachments: [] },
        files: [],
      },
    );
    ids.push(taken.conversation.id);
  }
  return ids;
}

describe.each(databaseTargets)('distribution across restarts on $name', (target) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-dist-'));
  });
  afterAll(async () => {
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps waiting dialogs and their order over a restart, and hands them out oldest first after it', async () => {
    const before = await appOn(database.db, dataDir);
    await admin(before);
    await publishLine(before, 'restart-line', 'restart-chan', { capacity: 6 });
    const waiting = await dialogs(before, 'restart-chan', 8);
    await before.close();

    const after = await appOn(database.db, dataDir);
    try {
      expect((await queueOrder(database.db, 'restart-line')).map((r) => r.id)).toEqual(waiting);
      const op = await operator(after, 'После перезапуска', { capacity: 3 });
      await after.distribution.drain();
      const rows = await queueOrder(database.db, 'restart-line');
      expect(rows.filter((r) => r.operator_id === op.id).map((r) => r.id)).toEqual(waiting.slice(0, 3));
      const team = (await api(after, 'GET', '/operator/queues/team', op.headers)).json();
      expect(team.items.map((i: { id: string }) => i.id)).toEqual(waiting.slice(3));
    } finally {
      await after.close();
    }
  });
});

const server = process.env.DATABASE_URL;

// Two processes share only a PostgreSQL server (PGlite is in-process): each app below has its own pool and listener.
describe.skipIf(!server)('two server processes distributing at once on one PostgreSQL database', () => {
  it('never give one dialog to two operators nor exceed anyone’s capacity', async () => {
    const database = await createTestDatabase({ name: 'postgresql', url: server! });
    const second = await openDatabase({ databaseUrl: database.url! });
    const dirs = [await mkdtemp(join(tmpdir(), 'opora-a-')), await mkdtemp(join(tmpdir(), 'opora-b-'))];
    const a = await appOn(database.db, dirs[0]!);
    const b = await appOn(second, dirs[1]!);
    try {
      await admin(a);
      await publishLine(a, 'shared', 'shared-chan', { capacity: 3 });
      const operators = [];
      for (let i = 0; i < 8; i++) operators.push(await operator(i % 2 ? a : b, `Оператор ${i}`, {}, 'away'));
      const ids = await dialogs(a, 'shared-chan', 40);
      // Everyone comes online at once, half through each process; both processes run passes concurrently.
      await Promise.all(
        operators.map((op, i) =>
          api(i % 2 ? a : b, 'PUT', '/operators/me/status', op.headers, { status: 'online' }),
        ),
      );
      await Promise.all([
        a.distribution.drain(),
        b.distribution.drain(),
        a.distribution.drain(),
        b.distribution.drain(),
      ]);
      const rows = await database.db.query<{ id: string; operator_id: string | null }>(
        `select id, operator_id from conversation where line_key = 'shared'`,
      );
      const loads = new Map<string, number>();
      for (const row of rows)
        if (row.operator_id) loads.set(row.operator_id, (loads.get(row.operator_id) ?? 0) + 1);
      expect([...loads.values()].every((n) => n === 3)).toBe(true);
      expect(loads.size).toBe(8);
      // Each assigned dialog was given once: one assignment audit row per dialog.
      const audits = await database.db.query<{ target_id: string; n: string | number }>(
        `select target_id, count(*) as n from audit_log where target_type = 'conversation'
           and after->>'assigned' = 'distributed' group by target_id`,
      );
      expect(audits).toHaveLength(24);
      expect(audits.every((row) => Number(row.n) === 1)).toBe(true);
      expect(new Set(audits.map((r) => r.target_id)).size).toBe(24);
      expect(ids).toHaveLength(40);
    } finally {
      await a.close();
      await b.close();
      await second.close();
      await database.dispose();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });
});
