import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Database, openDatabase } from '../../db/database.js';
import { appOnDatabase } from '../../testing/app-on-database.js';
import { api, type Operator, operator } from '../../testing/distribution-fixture.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';

type App = Awaited<ReturnType<typeof appOnDatabase>>;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An operator's live socket to one server process. */
function liveSocket(app: App, op: Operator) {
  const { port } = app.server.address() as AddressInfo;
  return new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/v1/portal/live`, {
      headers: { cookie: op.headers.cookie! },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Two server processes on one database; one dies without closing anything. On PostgreSQL each has its own pool
 * and listener; PGlite is in-process, so there the two share its one connection (as a restart on the same data
 * would find what the dead process left).
 */
describe.each(databaseTargets)('operators’ presence when a server process dies on $name', (target) => {
  let database: TestDatabase;
  let second: Database;
  let dirs: string[];
  let a: App;
  let b: App;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    second = database.url ? await openDatabase({ databaseUrl: database.url }) : database.db;
    dirs = [await mkdtemp(join(tmpdir(), 'opora-pa-')), await mkdtemp(join(tmpdir(), 'opora-pb-'))];
    a = await appOnDatabase(database.db, dirs[0]!);
    b = await appOnDatabase(second, dirs[1]!);
    for (const app of [a, b]) await app.listen({ port: 0, host: '127.0.0.1' });
    await a.users.create(
      { login: 'admin-user', name: 'Admin', password: 'correct-horse-battery', roles: ['admin'] },
      null,
    );
  });
  afterAll(async () => {
    await a.close();
    if (second !== database.db) await second.close();
    await database.dispose();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  const status = async (op: Operator) =>
    (await api(a, 'GET', '/operators/me', op.headers)).json().profile.status as string;
  const sockets = (op: Operator) =>
    database.db.query<{ process_id: string; sockets: number }>(
      'select process_id, sockets from operator_socket where user_id = ? order by process_id',
      [op.id],
    );

  it('puts the dead process’s operators offline once its heartbeat expires; others stay online', async () => {
    const dead = await operator(a, 'Упавший');
    const alive = await operator(a, 'Оставшийся');
    const both = await operator(a, 'Двойной');
    const open = [await liveSocket(b, dead), await liveSocket(a, alive), await liveSocket(a, both)];
    open.push(await liveSocket(b, both));
    await until(
      () => sockets(both),
      (rows) => rows.length === 2,
      'sockets counted on both processes',
    );
    expect(await sockets(dead)).toEqual([{ process_id: b.operatorPresence.processId, sockets: 1 }]);

    a.operatorPresence.timing.graceMs = 100;
    a.operatorPresence.timing.expiryMs = 2_000;
    // The process's last heartbeat; then it dies: no socket is uncounted, no heartbeat renewed, no timer fires.
    await b.operatorPresence.sweep();
    b.operatorPresence.halt();
    await a.operatorPresence.sweep();
    // Within the expiry the dead process cannot be told from a slow one: its sockets still count.
    expect(await status(dead)).toBe('online');
    expect(await sockets(dead)).toHaveLength(1);
    await b.close();

    await pause(2_100);
    await until(
      async () => {
        await a.operatorPresence.sweep();
        return status(dead);
      },
      (s) => s === 'offline',
      'the dead process’s operator to go offline',
    );
    expect(await sockets(dead)).toEqual([]);
    expect(await status(alive)).toBe('online');
    expect(await status(both)).toBe('online');
    expect(await sockets(both)).toEqual([{ process_id: a.operatorPresence.processId, sockets: 1 }]);
    const processes = await database.db.query<{ id: string }>('select id from server_process');
    expect(processes.map((p) => p.id)).toEqual([a.operatorPresence.processId]);
    for (const socket of open) socket.close();
  });

  it('lets a surviving process that was taken for dead register itself and its sockets again', async () => {
    a.operatorPresence.timing.graceMs = 100;
    const op = await operator(a, 'Медленный');
    const socket = await liveSocket(a, op);
    await until(
      () => sockets(op),
      (rows) => rows.length === 1,
      'the socket counted',
    );
    // Another process found this one silent and removed it (a long pause, not a death).
    await database.db.query('delete from server_process where id = ?', [a.operatorPresence.processId]);
    expect(await sockets(op)).toEqual([]);
    await a.operatorPresence.sweep();
    expect(await sockets(op)).toEqual([{ process_id: a.operatorPresence.processId, sockets: 1 }]);
    await pause(200);
    await a.operatorPresence.sweep();
    expect(await status(op)).toBe('online');
    socket.close();
    await until(status.bind(null, op), (s) => s === 'offline', 'offline after the grace period');
  });
});
