import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupportDesk, knownClientEmail, publishPortal } from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('portal sign-up on $name', (target) => {
  let h: Harness;
  const signup = (body: object, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url: '/api/v1/portal/signup', headers, payload: body });
  const clients = async () =>
    Number(
      (await h.db.query<{ n: string }>("select count(*) as n from record where entity = 'client'"))[0]!.n,
    );
  const users = async (login: string) =>
    h.db.query<{ id: string; record_id: string | null; roles: unknown }>(
      'select id, record_id, roles from app_user where login = ?',
      [login],
    );

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
  });
  afterAll(() => h.close());

  it('refuses sign-up clearly while no published portal says where clients are kept', async () => {
    const res = await signup({ name: 'Рано', email: 'early@example.ru', password: 'long-enough-1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('portal_accounts_off');
    expect(await users('early@example.ru')).toEqual([]);
    await publishPortal(h);
  });

  it('creates a client account linked to a new client record and signs it in like login', async () => {
    const before = await clients();
    const res = await signup({
      name: ' Анна Петрова ',
      email: 'Anna.Petrova@Example.ru',
      password: 'long-enough-1',
    });
    expect(res.statusCode).toBe(200);
    const { user, csrfToken } = res.json();
    expect(user).toMatchObject({ login: 'anna.petrova@example.ru', name: 'Анна Петрова', roles: ['client'] });
    expect(user.email).toBe('Anna.Petrova@Example.ru');
    const cookie = res.cookies.find((c) => c.name === 'opora_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `opora_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ user: { id: user.id }, csrfToken });

    const [row] = await users('anna.petrova@example.ru');
    expect(row!.record_id).toBeTruthy();
    const record = await h.app.records.get('client', row!.record_id!, null);
    expect(record.data).toMatchObject({ fullName: 'Анна Петрова', email: 'Anna.Petrova@Example.ru' });
    expect(record.createdBy).toBe('Анна Петрова');
    expect(await clients()).toBe(before + 1);

    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'anna.petrova@example.ru', password: 'long-enough-1' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses an email already registered, whatever its case, creating nothing', async () => {
    const before = await clients();
    const res = await signup({
      name: 'Двойник',
      email: 'ANNA.petrova@example.ru',
      password: 'long-enough-2',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'email_taken', details: [{ pointer: '/email' }] });
    expect(await clients()).toBe(before);
  });

  it('never links to an existing client record with the same email (nobody verified it)', async () => {
    const before = await clients();
    const res = await signup({ name: 'Самозванец', email: knownClientEmail, password: 'long-enough-3' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('client_email_known');
    expect(await users(knownClientEmail)).toEqual([]);
    expect(await clients()).toBe(before);
  });

  it('leaves nothing behind when a step after creating the account fails', async () => {
    h.app.records.addSaveCheck(async (save) =>
      save.entity === 'client' && save.data.fullName === 'Сбой'
        ? [{ pointer: '/fullName', message: 'refused by the test', code: 'test' }]
        : [],
    );
    const before = await clients();
    const res = await signup({ name: 'Сбой', email: 'crash@example.ru', password: 'long-enough-4' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { pointer: '/name', message: 'refused by the test', code: 'test' },
    ]);
    expect(await users('crash@example.ru')).toEqual([]);
    expect(await clients()).toBe(before);
    expect(res.cookies).toEqual([]);
  });

  it('validates the form: a real address, a long enough password, a name', async () => {
    const res = await signup({ name: ' ', email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(400);
    const pointers = (res.json().error.details as { pointer: string }[]).map((d) => d.pointer).sort();
    expect(pointers).toEqual(['/email', '/name', '/password']);
  });
});
