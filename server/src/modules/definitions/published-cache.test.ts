import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/database.js';
import { appOnDatabase } from '../../testing/app-on-database.js';
import { ticketEntity } from '../../testing/fixtures.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';
import { publishedChannel } from './published-cache.js';

type App = Awaited<ReturnType<typeof appOnDatabase>>;

/** The ticket type with more fields: a save naming one is refused until the version adding it is seen. */
const withFields = (...keys: string[]) => ({
  ...ticketEntity,
  fields: [...ticketEntity.fields, ...keys.map((key) => ({ key, type: 'string', label: { ru: key } }))],
});

describe.each(databaseTargets)('the published-definitions cache on $name', (target) => {
  let test: TestDatabase;
  /** A second server process's handle on the same database (PGlite is one process: the same handle). */
  let otherDb: Database;
  let dataDir: string;
  let app: App;
  let other: App;
  let ticketId: string;
  let draftVersion: number;

  beforeAll(async () => {
    test = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-published-cache-'));
    otherDb = test.url ? await openDatabase({ databaseUrl: test.url }) : test.db;
    app = await appOnDatabase(test.db, dataDir);
    other = await appOnDatabase(otherDb, dataDir);
    const created = await app.definitions.create(
      { kind: 'entity', key: 'ticket', name: 'Заявка', body: ticketEntity },
      null,
      'ru',
    );
    ticketId = created.id;
    draftVersion = created.draftVersion;
    await app.definitions.publish(ticketId, draftVersion, null, 'ru');
  });
  afterAll(async () => {
    await other?.close();
    await app?.close();
    if (otherDb && otherDb !== test.db) await otherDb.close();
    await test?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Stores a new draft of the ticket type and publishes it through `by`; resolves once it committed. */
  async function publish(by: App, body: unknown) {
    const updated = await by.definitions.update(ticketId, { name: 'Заявка', body, draftVersion }, null, 'ru');
    draftVersion = updated.draftVersion;
    return (await by.definitions.publish(ticketId, draftVersion, null, 'ru')).version;
  }

  const create = (by: App, data: Record<string, unknown>) =>
    by.records.create('ticket', { subject: 'Тема', ...data }, null, 'ru');

  it('lets the next save in the publishing process see the new version at once', async () => {
    await expect(create(app, { region: 'Урал' })).rejects.toMatchObject({ status: 400 }); // v1 cached
    const version = await publish(app, withFields('region'));
    expect((await create(app, { region: 'Урал' })).entityVersion).toBe(version);
  });

  it('reaches another server process through the NOTIFY sent on commit', async () => {
    const cached = (await create(other, { region: 'Урал' })).entityVersion;
    const notified = new Promise<string>((resolve) => {
      // Registered after the cache's own handler, so it runs once the cache has forgotten.
      void otherDb.listen(publishedChannel, resolve).then((unlisten) => cleanups.push(unlisten));
    });
    await new Promise((r) => setTimeout(r, 50)); // the LISTEN above is in place
    const version = await publish(app, withFields('region', 'city'));
    expect(version).toBe(cached + 1);
    expect(await notified).toBe('entity:ticket');
    expect((await create(other, { city: 'Пермь' })).entityVersion).toBe(version);
  });

  it('shows a transaction that published its own new version, and nothing to others until it commits', async () => {
    await create(app, { city: 'Пермь' }); // cached in this process
    await test.db.transaction(async (tx) => {
      const updated = await app.definitions.update(
        ticketId,
        { name: 'Заявка', body: withFields('region', 'city', 'zone'), draftVersion },
        null,
        'ru',
        tx,
      );
      draftVersion = updated.draftVersion;
      const published = await app.definitions.publish(ticketId, draftVersion, null, 'ru', tx);
      const data = { subject: 'Внутри', zone: 'Север' };
      const inside = await app.records.create('ticket', data, null, 'ru', { em: tx });
      expect(inside.entityVersion).toBe(published.version);
      // Not committed yet: outside the transaction there is no zone (PGlite's one connection is this
      // transaction's until it ends, so only a server has an outside to ask).
      if (test.url) await expect(create(app, { zone: 'Юг' })).rejects.toMatchObject({ status: 400 });
    });
    expect((await create(app, { zone: 'Юг' })).entityVersion).toBe(4);
  });

  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
});
