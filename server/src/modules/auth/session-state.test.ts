import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('GET /auth/session on $name', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('answers a visitor 200 with no user, where /auth/me stays 401 for API clients', async () => {
    const visitor = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null });
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(401);
  });

  it('gives a signed-in browser its user and the CSRF token its writes need', async () => {
    const headers = await h.as('operator');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: headers.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.login).toBe('operator-user');
    expect(res.json().csrfToken).toBe(headers['x-csrf-token']);
  });

  it('drops the cookie of a session that is no longer valid', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'opora_session=os_expired-or-forged' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
    expect(String(res.headers['set-cookie'])).toMatch(/opora_session=;/);
  });
});
