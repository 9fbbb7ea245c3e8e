import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSupportDesk,
  portalFormKey,
  publishPortal,
  signupClient,
  type TestClient,
} from '../../testing/portal-fixture.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('portal forms and «Мои обращения» on $name', (target) => {
  let h: Harness;
  let anna: TestClient;
  let boris: TestClient;
  let operator: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const submit = (headers: Record<string, string>, data: object) =>
    call('POST', `/portal/forms/${portalFormKey}/submit`, headers, { data });

  beforeAll(async () => {
    h = await createHarness(target);
    await createSupportDesk(h);
    await publishPortal(h);
    anna = await signupClient(h, 'Анна', 'anna@example.ru');
    boris = await signupClient(h, 'Борис', 'boris@example.ru');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('serves portal forms to anyone, and no other form', async () => {
    const res = await call('GET', `/portal/forms/${portalFormKey}`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ form: { key: portalFormKey }, entity: { key: 'request' } });
    expect((await call('GET', '/portal/forms/request-create', {})).statusCode).toBe(404);
    expect((await call('POST', '/portal/forms/request-create/submit', {}, { data: {} })).statusCode).toBe(
      404,
    );
  });

  it('files a client’s request in their own name, whatever client the browser sent', async () => {
    const res = await submit(anna.headers, {
      subject: 'Не приходит счёт',
      description: 'Третий месяц подряд',
      client: boris.recordId,
    });
    expect(res.statusCode).toBe(200);
    const { id, number } = res.json();
    expect(number).toBeGreaterThan(0);
    const record = await h.app.records.get('request', id, null);
    expect(record.data).toMatchObject({ client: anna.recordId, status: 'new', subject: 'Не приходит счёт' });
    expect(record.createdBy).toBe('Анна');
  });

  it('takes anonymous requests without letting them name a client', async () => {
    const res = await submit({}, { subject: 'Вопрос', description: 'Без входа', client: anna.recordId });
    expect(res.statusCode).toBe(200);
    const record = await h.app.records.get('request', res.json().id, null);
    expect(record.data.client).toBeUndefined();
    const invalid = await submit({}, { subject: 'Пусто' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.map((d: { pointer: string }) => d.pointer)).toEqual([
      '/data/description',
    ]);
  });

  it('lists only the caller’s requests, newest first, with their status', async () => {
    await submit(anna.headers, { subject: 'Второе', description: 'Ещё одно' });
    await submit(boris.headers, { subject: 'От Бориса', description: 'Моё' });
    const page = (await call('GET', '/portal/my/requests', anna.headers)).json();
    expect(page.total).toBe(2);
    expect(page.items.map((r: { title: string }) => r.title)).toEqual(['Второе', 'Не приходит счёт']);
    expect(page.items[0].status).toEqual({
      value: 'new',
      label: { ru: 'Новое', en: 'New' },
      color: expect.any(String),
    });
    const second = (await call('GET', '/portal/my/requests?limit=1&offset=1', anna.headers)).json();
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ title: 'Не приходит счёт' }] });
    const borisPage = (await call('GET', '/portal/my/requests', boris.headers)).json();
    expect(borisPage.items.map((r: { title: string }) => r.title)).toEqual(['От Бориса']);
    expect((await call('GET', '/portal/my/requests', operator)).statusCode).toBe(403);
    expect((await call('GET', '/portal/my/requests', {})).statusCode).toBe(401);
  });

  it('shows a request with its history, and hides it from everyone else', async () => {
    const mine = (await call('GET', '/portal/my/requests', anna.headers)).json().items[1];
    const record = await h.app.records.get('request', mine.id, null);
    const moved = await call('PATCH', `/records/request/${mine.id}`, operator, {
      version: record.version,
      data: { status: 'in_progress', priority: 'high' },
    });
    expect(moved.statusCode).toBe(200);

    const detail = await call('GET', `/portal/my/requests/${mine.id}`, anna.headers);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({
      id: mine.id,
      title: 'Не приходит счёт',
      status: { value: 'in_progress', label: { ru: 'В работе' } },
      record: { id: mine.id, data: { client: anna.recordId } },
      entity: { label: { ru: expect.any(String) } },
    });
    expect(body.history).toEqual([
      expect.objectContaining({
        action: 'create',
        by: null,
        status: { from: null, to: expect.objectContaining({ ru: 'Новое' }) },
        fields: [],
      }),
      expect.objectContaining({
        action: 'update',
        by: 'Test operator',
        status: {
          from: expect.objectContaining({ ru: 'Новое' }),
          to: expect.objectContaining({ ru: 'В работе' }),
        },
        fields: [expect.objectContaining({ ru: 'Приоритет' })],
      }),
    ]);
    expect((await call('GET', `/portal/my/requests/${mine.id}`, boris.headers)).statusCode).toBe(404);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/portal/my/requests/${missing}`, anna.headers)).statusCode).toBe(404);
  });
});
