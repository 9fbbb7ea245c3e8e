import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { importDemoTemplate } from '../bundles/demo-template.js';

describe.each(databaseTargets)('finding forms and submitting relations on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const call = (method: string, url: string, payload?: object, headers = operator) =>
    h.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });
  // In the template only supervisors and administrators delete clients.
  const deleteClient = async (client: { id: string; version: number }) =>
    call(
      'DELETE',
      `/records/client/${client.id}?version=${client.version}`,
      undefined,
      await h.as('supervisor'),
    );
  const firstClient = async (q: string) =>
    (await call('GET', `/records/client?q=${encodeURIComponent(q)}`)).json().items[0] as {
      id: string;
      version: number;
    };

  beforeAll(async () => {
    h = await createHarness(target);
    await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('lists the published forms of a data type with purpose and title', async () => {
    const res = await call('GET', '/forms?entity=request');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { key: 'feedback', version: 1, purpose: 'portal', title: { ru: 'Напишите нам', en: 'Write to us' } },
      { key: 'request-card', version: 1, purpose: 'card', title: { ru: 'Обращение', en: 'Request' } },
      {
        key: 'request-create',
        version: 1,
        purpose: 'create',
        title: { ru: 'Новое обращение', en: 'New request' },
      },
    ]);
    expect((await call('GET', '/forms?entity=nothing')).json().items).toEqual([]);
    expect((await call('GET', '/forms')).statusCode).toBe(400);
  });

  it('refuses a link to a record deleted while the form was open, next to the field', async () => {
    const client = await firstClient('Орлова');
    expect((await deleteClient(client)).statusCode).toBe(204);
    const data = { subject: 'Не приходит чек', description: 'Оплатила заказ, чека нет', client: client.id };
    const res = await call('POST', '/forms/request-create/submit', { data });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        pointer: '/data/client',
        code: 'relation',
        message: '«Клиент»: выбранная запись удалена или не найдена — выберите другую',
      },
    ]);
    const live = await firstClient('Волков');
    const saved = await call('POST', '/forms/request-create/submit', { data: { ...data, client: live.id } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().record.data.client).toBe(live.id);
  });

  it('leaves alone a link the record already had when its target has gone since', async () => {
    const client = await firstClient('Петров');
    const created = (
      await call('POST', '/forms/request-create/submit', {
        data: { subject: 'Счёт', description: 'Нужен счёт', client: client.id },
      })
    ).json().record;
    expect((await deleteClient(client)).statusCode).toBe(204);
    const edited = await call('POST', '/forms/request-card/submit', {
      recordId: created.id,
      version: created.version,
      data: { subject: 'Счёт на оплату', description: 'Нужен счёт', client: client.id },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().record.data.subject).toBe('Счёт на оплату');
  });
});
