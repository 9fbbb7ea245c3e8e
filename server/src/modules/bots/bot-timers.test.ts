import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { appOnDatabase } from '../../testing/app-on-database.js';
import { waitingBot } from '../../testing/bot-bodies.js';
import { drainBotJobs, fireTimers, outbound, publishBot, visitorWrites } from '../../testing/bot-fixture.js';
import { publishLine } from '../../testing/distribution-fixture.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';

type App = Awaited<ReturnType<typeof appOnDatabase>>;

const texts = async (db: Database, id: string) => (await outbound(db, id)).map((m) => m.text);

/** Runs a timer job that already fired again, as a redelivery after a crash would. */
const redeliverTimers = (db: Database, conversationId: string) =>
  db.query(
    `update job set status = 'pending', run_at = now(), finished_at = null where name = 'bot.timer'
       and payload->>'conversationId' = ?`,
    [conversationId],
  );

/** A bot's waits are durable jobs: they fire once, give way to the client, and outlive the process. */
describe.each(databaseTargets)('bot timers on $name', (target) => {
  let database: TestDatabase;
  let dataDir: string;
  let app: App;
  let n = 0;
  const waitLine = async (interruptible: boolean) => {
    const i = ++n;
    await publishBot(app, `waiter-${i}`, waitingBot(60, interruptible));
    await publishLine(app, `wait-line-${i}`, `wait-chan-${i}`, { bot: `waiter-${i}`, botOnly: true });
    return `wait-chan-${i}`;
  };

  beforeAll(async () => {
    database = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-bot-'));
    app = await appOnDatabase(database.db, dataDir);
    app.jobWorker.start();
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('fires a wait timer once, however often its job is delivered', async () => {
    const channel = await waitLine(false);
    const dialog = await visitorWrites(app, channel, 'v-fire', 'Проверьте заявку');
    await drainBotJobs(app);
    expect(await texts(database.db, dialog.id)).toEqual(['Проверяю, подождите.']);
    expect(await fireTimers(database.db, dialog.id)).toBe(1);
    await drainBotJobs(app);
    expect(await texts(database.db, dialog.id)).toEqual(['Проверяю, подождите.', 'Проверка закончена.']);
    await redeliverTimers(database.db, dialog.id);
    await drainBotJobs(app);
    expect(await texts(database.db, dialog.id)).toEqual(['Проверяю, подождите.', 'Проверка закончена.']);
  });

  it('lets a client’s message interrupt the wait; the timer then does nothing', async () => {
    const channel = await waitLine(true);
    const dialog = await visitorWrites(app, channel, 'v-interrupt', 'Ну что там?');
    await drainBotJobs(app);
    const said = ['Проверяю, подождите.', 'Вы написали «Ну что там?» — проверка ещё идёт.'];
    expect(await texts(database.db, dialog.id)).toEqual(said);
    await fireTimers(database.db, dialog.id);
    await redeliverTimers(database.db, dialog.id);
    await drainBotJobs(app);
    expect(await texts(database.db, dialog.id)).toEqual(said);
  });

  it('keeps a pending timer across a restart: a new process fires it once', async () => {
    const channel = await waitLine(false);
    const dialog = await visitorWrites(app, channel, 'v-restart', 'Проверьте заявку');
    await drainBotJobs(app);
    await app.close();
    app = await appOnDatabase(database.db, dataDir);
    app.jobWorker.start();
    expect(await fireTimers(database.db, dialog.id)).toBe(1);
    await drainBotJobs(app);
    await redeliverTimers(database.db, dialog.id);
    await drainBotJobs(app);
    expect(await texts(database.db, dialog.id)).toEqual(['Проверяю, подождите.', 'Проверка закончена.']);
  });
});
