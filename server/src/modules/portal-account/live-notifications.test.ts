import type { AddressInfo } from 'node:net';
import type { LiveMessage } from '@opora/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import {
  createSupportDesk,
  portalFormKey,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

interface Socket {
  ws: WebSocket;
  messages: LiveMessage[];
  /** Resolves once `count` messages have arrived. */
  received(count: number): Promise<LiveMessage[]>;
}

describe.each(databaseTargets)('notifications and live updates on $name', (target) => {
  let h: Harness;
  let base: string;
  let anna: TestClient;
  let boris: TestClient;
  let operator: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** Opens the live socket like the portal page at `origin` would; rejects with the refusing status. */
  const connect = (headers: Record<string, string>, origin = base) =>
    new Promise<Socket>((resolve, reject) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/portal/live`, { headers, origin });
      const messages: LiveMessage[] = [];
      const waiters: (() => void)[] = [];
      ws.on('message', (data) => {
        messages.push(JSON.parse(String(data)) as LiveMessage);
        for (const wake of waiters.splice(0)) wake();
      });
      const received = (count: number) =>
        new Promise<LiveMessage[]>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`got ${JSON.stringify(messages)}`)), 5000);
          const check = () => {
            if (messages.length >= count) {
              clearTimeout(timer);
              done(messages);
            } else waiters.push(check);
          };
          check();
        });
      ws.on('open', () => resolve({ ws, messages, received }));
      ws.on('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
      ws.on('error', reject);
    });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    anna = await signupClient(h, 'Анна', 'anna@example.ru');
    boris = await signupClient(h, 'Борис', 'boris@example.ru');
    operator = await h.as('operator');
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => h.close());

  it('refuses sockets of anonymous callers and of pages on other sites', async () => {
    await expect(connect({})).rejects.toThrow('401');
    await expect(connect({ cookie: anna.cookie }, 'https://evil.example')).rejects.toThrow('403');
    // Staff may listen too (and clients that are not browsers send no Origin at all).
    const staffSocket = await connect({ cookie: operator.cookie! });
    staffSocket.ws.close();
  });

  it('notifies the client once when an operator moves their request, live and in the list', async () => {
    // Sockets open first: on PostgreSQL the push about the new request travels through NOTIFY and
    // could otherwise land on a socket opened after the submit, making the count below racy.
    const annaSocket = await connect({ cookie: anna.cookie });
    const borisSocket = await connect({ cookie: boris.cookie });
    const staffSocket = await connect({ cookie: operator.cookie! });
    const created = await call('POST', `/portal/forms/${portalFormKey}/submit`, anna.headers, {
      data: { subject: 'Не работает вход', description: 'Пишет «ошибка»' },
    });
    const { id, number } = created.json();
    expect(await annaSocket.received(1)).toEqual([{ type: 'request', id }]);
    // The operators' windows hear of it too (their queue counters), without the client's notifications.
    expect(await staffSocket.received(1)).toEqual([{ type: 'request', id }]);

    const record = await h.app.records.get('request', id, null);
    const moved = await call('PATCH', `/records/request/${id}`, operator, {
      version: record.version,
      data: { status: 'in_progress' },
    });
    expect(moved.statusCode).toBe(200);

    const title = `Статус обращения № ${number} изменён: В работе`;
    const messages = (await annaSocket.received(3)).slice(1);
    expect(messages).toEqual([
      { type: 'request', id },
      {
        type: 'notification',
        notification: expect.objectContaining({ title, link: `/account/requests/${id}`, readAt: null }),
      },
    ]);
    const list = (await call('GET', '/portal/my/notifications', anna.headers)).json();
    expect(list).toMatchObject({ total: 1, unread: 1, items: [{ title, text: 'Не работает вход' }] });
    expect(list.items[0].id).toBe((messages[1] as { notification: { id: string } }).notification.id);

    // A change that leaves the status alone pushes the request again but notifies nobody.
    const again = await h.app.records.get('request', id, null);
    await call('PATCH', `/records/request/${id}`, operator, {
      version: again.version,
      data: { priority: 'high' },
    });
    expect(await annaSocket.received(4)).toHaveLength(4);
    expect((await call('GET', '/portal/my/notifications', anna.headers)).json().total).toBe(1);

    expect(borisSocket.messages).toEqual([]);
    expect(await staffSocket.received(3)).toEqual([
      { type: 'request', id },
      { type: 'request', id },
      { type: 'request', id },
    ]);
    staffSocket.ws.close();
    expect((await call('GET', '/portal/my/notifications', boris.headers)).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
    annaSocket.ws.close();
    borisSocket.ws.close();
  });

  it('tells nobody about a save that rolls back', async () => {
    const [own] = (await call('GET', '/portal/my/requests', anna.headers)).json().items;
    const socket = await connect({ cookie: anna.cookie });
    const record = await h.app.records.get('request', own.id, null);
    // Not along the analyst's arrows: refused inside the transaction, after nothing was sent.
    const refused = await call('PATCH', `/records/request/${own.id}`, operator, {
      version: record.version,
      data: { status: 'closed' },
    });
    expect(refused.statusCode).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.messages).toEqual([]);
    socket.ws.close();
  });

  it.runIf(target.url)('reaches a socket held by another server process', async () => {
    // A second app on the same PostgreSQL database, as behind a load balancer.
    const db = await openDatabase({ databaseUrl: h.db.orm.config.get('clientUrl') as string });
    const second = await buildApp({
      db,
      logger: false,
      serveUi: false,
      config: { bodyLimitBytes: 1024 * 1024, secureCookies: false, sessionTtlHours: 1, logLevel: 'silent' },
    });
    await second.ready();
    try {
      const [own] = (await call('GET', '/portal/my/requests', anna.headers)).json().items;
      const socket = await connect({ cookie: anna.cookie });
      const record = await second.records.get('request', own.id, null);
      const moved = await second.inject({
        method: 'PATCH',
        url: `/api/v1/records/request/${own.id}`,
        headers: operator,
        payload: { version: record.version, data: { status: 'waiting' } },
      });
      expect(moved.statusCode).toBe(200);
      const [pushed, notified] = await socket.received(2);
      expect(pushed).toEqual({ type: 'request', id: own.id });
      expect(notified).toMatchObject({ notification: { title: expect.stringContaining('Ожидает ответа') } });
      socket.ws.close();
    } finally {
      await second.close();
      await db.close();
    }
  });

  it('marks notifications read, some or all', async () => {
    const unread = (await call('GET', '/portal/my/notifications?unread=true', anna.headers)).json();
    const count = unread.items.length;
    expect(count).toBeGreaterThan(0);
    expect(unread.unread).toBe(count);
    const ids = unread.items.map((n: { id: string }) => n.id);
    // Someone else's ids change nothing.
    expect((await call('POST', '/portal/my/notifications/read', boris.headers, { ids })).statusCode).toBe(
      204,
    );
    expect((await call('GET', '/portal/my/notifications', anna.headers)).json().unread).toBe(count);
    expect(
      (await call('POST', '/portal/my/notifications/read', anna.headers, { ids: [ids[0]] })).statusCode,
    ).toBe(204);
    expect((await call('GET', '/portal/my/notifications', anna.headers)).json().unread).toBe(count - 1);
    expect((await call('POST', '/portal/my/notifications/read', anna.headers, {})).statusCode).toBe(204);
    const after = (await call('GET', '/portal/my/notifications', anna.headers)).json();
    expect(after).toMatchObject({ total: count, unread: 0 });
    expect(after.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await call('GET', '/portal/my/notifications?unread=true', anna.headers)).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });
});
