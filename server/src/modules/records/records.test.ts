import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketEntity } from '../../testing/fixtures.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('records on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const create = (data: Record<string, unknown>) => call('POST', '/records/ticket', { data });

  beforeAll(async () => {
    h = await createHarness(target);
    const analyst = await h.as('analyst');
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: analyst,
      payload: { kind: 'entity', key: 'ticket', name: 'Заявка', body: ticketEntity },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers: analyst,
      payload: { draftVersion: 1 },
    });
    headers = await h.as('operator');
  });
  afterAll(() => h.close());

  it('creates a record with defaults, a sequential number and a title', async () => {
    const first = await create({ subject: 'Не приходит письмо для восстановления пароля' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      number: 1,
      version: 1,
      title: 'Не приходит письмо для восстановления пароля',
      data: { priority: 3, status: 'new' },
    });
    expect((await create({ subject: 'Ошибка оплаты картой' })).json().number).toBe(2);
  });

  it('refuses invalid data with per-field details and saves nothing', async () => {
    const before = (await call('GET', '/records/ticket')).json().total;
    const res = await create({ priority: 9, status: 'nope', email: 'not-an-email', bogus: 1 });
    expect(res.statusCode).toBe(400);
    const pointers = res.json().error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/data/subject',
        '/data/priority',
        '/data/status',
        '/data/email',
        '/data/bogus',
      ]),
    );
    expect((await call('GET', '/records/ticket')).json().total).toBe(before);
  });

  it('enforces unique fields', async () => {
    expect((await create({ subject: 'a', code: 'INC-1' })).statusCode).toBe(201);
    const clash = await create({ subject: 'b', code: 'INC-1' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details[0].pointer).toBe('/data/code');
  });

  it('updates with optimistic concurrency and keeps an audit trail', async () => {
    const record = (await create({ subject: 'Смена фотографии профиля' })).json();
    const updated = await call('PATCH', `/records/ticket/${record.id}`, {
      version: 1,
      data: { status: 'done' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      data: { status: 'done', subject: 'Смена фотографии профиля' },
    });
    const stale = await call('PATCH', `/records/ticket/${record.id}`, {
      version: 1,
      data: { status: 'new' },
    });
    expect(stale.statusCode).toBe(409);
    const audit = (await call('GET', `/records/ticket/${record.id}/audit`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.items[0]).toMatchObject({
      before: { status: 'new' },
      after: { status: 'done' },
      actor: { name: 'Test operator' },
    });
  });

  it('soft-deletes: gone from lists and reads, still in the audit log', async () => {
    const record = (await create({ subject: 'Удалить меня' })).json();
    expect((await call('DELETE', `/records/ticket/${record.id}?version=2`)).statusCode).toBe(409);
    expect((await call('DELETE', `/records/ticket/${record.id}?version=1`)).statusCode).toBe(204);
    expect((await call('GET', `/records/ticket/${record.id}`)).statusCode).toBe(404);
    expect((await call('GET', '/records/ticket?q=Удалить')).json().total).toBe(0);
    expect((await call('GET', `/records/ticket/${record.id}/audit`)).json().items[0].action).toBe('delete');
  });

  it('filters, sorts, paginates and searches with Russian morphology', async () => {
    await create({ subject: 'Пароли не подходят', priority: 5 });
    await create({ subject: 'Доставка задерживается', priority: 1 });
    const search = (await call('GET', `/records/ticket?q=${encodeURIComponent('пароль')}`)).json();
    expect(search.items.map((r: { title: string }) => r.title)).toEqual(
      expect.arrayContaining(['Пароли не подходят', 'Не приходит письмо для восстановления пароля']),
    );
    const high = (await call('GET', `/records/ticket?filter=${encodeURIComponent('priority:gte:5')}`)).json();
    expect(high.items.map((r: { title: string }) => r.title)).toEqual(['Пароли не подходят']);
    const sorted = (await call('GET', '/records/ticket?sort=priority&limit=1')).json();
    expect(sorted.items[0].title).toBe('Доставка задерживается');
    expect(sorted.total).toBeGreaterThan(1);
    const inStatuses = (
      await call('GET', `/records/ticket?filter=${encodeURIComponent('status:in:done|new')}&limit=100`)
    ).json();
    expect(inStatuses.total).toBe(sorted.total);
  });

  it('explains bad filters, sorts and unknown entities', async () => {
    const bad = await call('GET', `/records/ticket?filter=${encodeURIComponent('nofield:eq:1')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('nofield');
    expect((await call('GET', '/records/ticket?sort=-nofield')).statusCode).toBe(400);
    expect(
      (await call('GET', `/records/ticket?filter=${encodeURIComponent('priority:gt:abc')}`)).statusCode,
    ).toBe(400);
    expect((await call('GET', '/records/unknown-entity')).statusCode).toBe(404);
  });
});
