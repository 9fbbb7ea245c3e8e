import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, openDatabase } from '../../db/database.js';
import { appOnDatabase } from '../../testing/app-on-database.js';
import { login } from '../../testing/test-app.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../testing/test-database.js';
import { sha256 } from './secrets.js';

type App = Awaited<ReturnType<typeof appOnDatabase>>;
type Headers = Record<string, string>;

const password = 'correct-horse-battery';
// The other process hears of a change by NOTIFY: a few milliseconds, never the cache's 30-second safety net.
const notified = { timeout: 2000, interval: 10 };

/**
 * Two server processes on one database (on PGlite, two apps on one handle): each caches the sessions and tokens
 * it has seen. Every way a credential ends must refuse it at once in the process that made the change, and as
 * soon as the NOTIFY arrives in the other.
 */
describe.each(databaseTargets)('cached sessions on $name', (target) => {
  let database: TestDatabase;
  let secondDb: Database;
  let dataDir: string;
  let a: App;
  let b: App;
  let admin: Headers;
  let seq = 0;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    secondDb = database.url ? await openDatabase({ databaseUrl: database.url }) : database.db;
    dataDir = await mkdtemp(join(tmpdir(), 'opora-sessions-'));
    a = await appOnDatabase(database.db, dataDir);
    b = await appOnDatabase(secondDb, dataDir);
    await a.users.create({ login: 'root', name: 'Root', password, roles: ['admin'] }, null);
    admin = await login(a, 'root', password);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    if (secondDb !== database.db) await secondDb.close();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function newUser(roles: string[] = ['operator']): Promise<{ id: string; login: string }> {
    const name = `user-${++seq}`;
    const user = await a.users.create({ login: name, name, password, roles: roles as never }, null);
    return { id: user.id, login: name };
  }

  const me = (app: App, headers: Headers) =>
    app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }).then((r) => r.statusCode);
  const usersList = (app: App, headers: Headers) =>
    app.inject({ method: 'GET', url: '/api/v1/users', headers }).then((r) => r.statusCode);
  const patchUser = (id: string, payload: object) =>
    a.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin, payload });
  const cached = (app: App, headers: Headers) => {
    const cookie = headers.cookie?.replace('opora_session=', '');
    const key = cookie ? sha256(cookie) : `token:${sha256(headers.authorization!.slice(7))}`;
    return app.identity.cache.get(key) !== null;
  };

  /** Signs in and makes both processes cache the session (the test would prove nothing otherwise). */
  async function warmSession(userLogin: string): Promise<Headers> {
    const headers = await login(a, userLogin, password);
    for (const app of [a, b]) {
      expect(await me(app, headers)).toBe(200);
      expect(cached(app, headers)).toBe(true);
    }
    return headers;
  }

  async function warmToken(userLogin: string): Promise<Headers> {
    const headers = await login(a, userLogin, password);
    const res = await a.inject({ method: 'POST', url: '/api/v1/tokens', headers, payload: { name: 'ci' } });
    const bearer = { authorization: `Bearer ${res.json().token}` };
    for (const app of [a, b]) {
      expect(await me(app, bearer)).toBe(200);
      expect(cached(app, bearer)).toBe(true);
    }
    return bearer;
  }

  async function refusedEverywhere(headers: Headers, status = 401, check = me): Promise<void> {
    expect(await check(a, headers)).toBe(status);
    await vi.waitFor(async () => expect(await check(b, headers)).toBe(status), notified);
  }

  it('answers a known session from memory in both processes', async () => {
    const user = await newUser();
    const headers = await warmSession(user.login);
    await a.db.query('alter table session disable trigger session_gone_notify');
    try {
      // Without the trigger, a deleted row goes unnoticed: the cache, not the database, answered.
      await a.db.query('delete from session where user_id = ?', [user.id]);
      expect(await me(b, headers)).toBe(200);
    } finally {
      await a.db.query('alter table session enable trigger session_gone_notify');
    }
  });

  it('ends a cached session on logout', async () => {
    const headers = await warmSession((await newUser()).login);
    const out = await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    await refusedEverywhere(headers);
  });

  it("ends the user's other sessions on their password change, keeping the one that made it", async () => {
    const user = await newUser();
    const other = await warmSession(user.login);
    const current = await warmSession(user.login);
    const res = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: current,
      payload: { currentPassword: password, newPassword: 'another-long-password' },
    });
    expect(res.statusCode).toBe(204);
    await refusedEverywhere(other);
    expect(await me(a, current)).toBe(200);
    expect(await me(b, current)).toBe(200);
  });

  it("ends sessions and tokens when an admin sets the user's password", async () => {
    const user = await newUser();
    const session = await warmSession(user.login);
    const token = await warmToken(user.login);
    expect((await patchUser(user.id, { password: 'set-by-admin-123' })).statusCode).toBe(200);
    await refusedEverywhere(session);
    await refusedEverywhere(token);
  });

  it('applies a role change to a cached session and token at once', async () => {
    const user = await newUser(['admin']);
    const session = await warmSession(user.login);
    const token = await warmToken(user.login);
    for (const headers of [session, token])
      for (const app of [a, b]) expect(await usersList(app, headers)).toBe(200);
    expect((await patchUser(user.id, { roles: ['operator'] })).statusCode).toBe(200);
    await refusedEverywhere(session, 403, usersList);
    await refusedEverywhere(token, 403, usersList);
  });

  it('ends sessions and tokens of a disabled user', async () => {
    const user = await newUser();
    const session = await warmSession(user.login);
    const token = await warmToken(user.login);
    expect((await patchUser(user.id, { active: false })).statusCode).toBe(200);
    await refusedEverywhere(session);
    await refusedEverywhere(token);
  });

  it('ends sessions and tokens of a deleted user', async () => {
    const user = await newUser();
    const session = await warmSession(user.login);
    const token = await warmToken(user.login);
    await a.db.query('delete from app_user where id = ?', [user.id]);
    for (const headers of [session, token])
      for (const app of [a, b])
        await vi.waitFor(async () => expect(await me(app, headers)).toBe(401), notified);
  });

  it('refuses a revoked token', async () => {
    const user = await newUser();
    const token = await warmToken(user.login);
    const session = await login(a, user.login, password);
    const list = await a.inject({ method: 'GET', url: '/api/v1/tokens', headers: session });
    const id = list.json().items[0].id;
    const res = await a.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: session });
    expect(res.statusCode).toBe(204);
    await refusedEverywhere(token);
  });

  it('refuses a bearer that cannot be an API token without asking the database', async () => {
    // A widget visitor sends its signed token as a bearer on every message: it must cost the auth hook nothing.
    const spy = vi.spyOn(a.db, 'query');
    try {
      for (const bearer of ['eyJ2IjoidiJ9.c2lnbmF0dXJl', 'opora_short', `os_${'x'.repeat(43)}`])
        expect(await me(a, { authorization: `Bearer ${bearer}` })).toBe(401);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('does not let a read that raced a logout put the session back', async () => {
    const user = await newUser();
    const headers = await warmSession(user.login);
    const cookie = headers.cookie!.replace('opora_session=', '');
    b.identity.cache.clear();
    // The read starts before the logout commits and ends after it: what it read must not be cached.
    const ticket = b.identity.cache.ticket();
    const actor = await b.identity.actorFromSession(cookie);
    expect(actor).not.toBeNull();
    await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    await vi.waitFor(() => expect(b.identity.cache.ticket()).not.toBe(ticket), notified);
    b.identity.cache.put(sha256(cookie), { actor: actor!, expiresAt: Date.now() + 60_000 }, ticket);
    expect(await me(b, headers)).toBe(401);
  });
});

describe.each(databaseTargets)('session expiry with cached sessions on $name', (target) => {
  let database: TestDatabase;
  let dataDir: string;
  let app: App;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'opora-sessions-'));
    app = await appOnDatabase(database.db, dataDir, { sessionTtlHours: 1.5 / 3600 });
    await app.users.create({ login: 'brief', name: 'Brief', password, roles: ['operator'] }, null);
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a cached session the moment it expires', async () => {
    const headers = await login(app, 'brief', password);
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(res.statusCode).toBe(200);
    const key = sha256(headers.cookie!.replace('opora_session=', ''));
    const entry = app.identity.cache.get(key);
    expect(entry).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, entry!.expiresAt - Date.now()) + 20));
    const late = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(late.statusCode).toBe(401);
  });
});
