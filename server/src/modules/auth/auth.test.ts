import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, login, testPassword } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('auth on $name', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('logs in with a HttpOnly SameSite session cookie and answers /auth/me', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'analyst-user', password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const headers = { cookie: `opora_session=${res.cookies[0]!.value}` };
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    expect(me.json().user.roles).toEqual(['analyst']);
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('refuses a wrong password with 401 and a Russian message by default', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'analyst-user', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'invalid_credentials',
      message: 'Неверный логин или пароль',
    });
  });

  it('requires the CSRF token for state-changing requests made with the cookie', async () => {
    const { cookie } = await h.as('admin');
    const payload = { name: 'ci' };
    const without = await h.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const withToken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: await h.as('admin'),
      payload,
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('accepts API tokens without CSRF and rejects unknown ones', async () => {
    const ok = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: await h.tokenFor('operator'),
    });
    expect(ok.json().user.login).toBe('operator-user');
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer opora_forged' },
    });
    expect(bad.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const headers = await (async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'client-user', password: testPassword },
      });
      return { cookie: `opora_session=${res.cookies[0]!.value}`, 'x-csrf-token': res.json().csrfToken };
    })();
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(
      204,
    );
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode).toBe(401);
  });

  it('lets an admin deactivate a user, who then cannot sign in', async () => {
    const admin = await h.as('admin');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { login: 'temp', name: 'Временный', password: 'long-enough-1', roles: ['operator'] },
    });
    expect(created.statusCode).toBe(201);
    const dup = await h.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin,
      payload: { login: 'temp', name: 'x', password: 'long-enough-1', roles: ['operator'] },
    });
    expect(dup.statusCode).toBe(409);
    const id = created.json().id;
    expect(
      (
        await h.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: admin,
          payload: { active: false },
        })
      ).statusCode,
    ).toBe(200);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'temp', password: 'long-enough-1' },
    });
    expect(res.statusCode).toBe(401);
    // Deactivating it again changes nothing, and the audit trail does not say it did.
    const again = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(again.statusCode).toBe(200);
    const trail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetType=user&targetId=${id}`,
      headers: admin,
    });
    expect(trail.json().items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
  });
});

describe.each(databaseTargets)('password changes end sessions on $name', (target) => {
  let h: Harness;
  const me = (headers: Record<string, string>) =>
    h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const account = async (login: string) => {
    await h.app.users.create({ login, name: login, password: testPassword, roles: ['operator'] }, null);
    const user = (await h.app.users.list(login, 1, 0)).items[0]!;
    const { token } = await h.app.identity.issueToken(user.id, 'integration');
    return { id: user.id, token: { authorization: `Bearer ${token}` } };
  };
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('ends the other sessions on a self-service change, keeping this one and the API tokens', async () => {
    const { token } = await account('changer');
    const here = await login(h.app, 'changer', testPassword);
    const elsewhere = await login(h.app, 'changer', testPassword);
    const change = (payload: object) =>
      h.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: here, payload });
    const wrong = await change({ currentPassword: 'not-it', newPassword: 'a-new-password-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { pointer: '/currentPassword', message: 'Текущий пароль указан неверно' },
    ]);
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect(
      (await change({ currentPassword: testPassword, newPassword: 'a-new-password-1' })).statusCode,
    ).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(token)).statusCode).toBe(200);
    await expect(login(h.app, 'changer', testPassword)).rejects.toThrow(/401/);
    await login(h.app, 'changer', 'a-new-password-1');
  });

  it('ends every session and API token of the account on an administrator’s reset', async () => {
    const { id, token } = await account('reset');
    const session = await login(h.app, 'reset', testPassword);
    const admin = await h.as('admin');
    const reset = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: admin,
      payload: { password: 'set-by-admin-1' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await me(token)).statusCode).toBe(401);
    expect((await me(admin)).statusCode).toBe(200);
    await login(h.app, 'reset', 'set-by-admin-1');
  });
});

describe('login rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ name: 'pglite' }, { loginRateLimit: 5 });
  });
  afterAll(() => h.close());

  it('rate-limits repeated logins with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { login: 'x', password: 'y' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
    const limited = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.9.9.9',
      payload: { login: 'x', password: 'y' },
    });
    expect(limited.json().error.code).toBe('rate_limited');
  });
});
