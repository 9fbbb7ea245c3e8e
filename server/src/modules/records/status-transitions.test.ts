import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { importDemoTemplate } from '../bundles/demo-template.js';

describe.each(databaseTargets)('status transitions on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const call = (method: string, url: string, payload?: object) =>
    h.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: operator,
      ...(payload ? { payload } : {}),
    });
  const newRequest = async () =>
    (
      await call('POST', '/forms/request-create/submit', {
        data: { subject: 'Не работает вход', description: 'Ошибка при входе' },
      })
    ).json().record as { id: string; version: number; data: Record<string, unknown> };

  beforeAll(async () => {
    h = await createHarness(target);
    await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('refuses a move the status model does not allow, whichever API changes the record', async () => {
    const request = await newRequest();
    expect(request.data.status).toBe('new');
    const patched = await call('PATCH', `/records/request/${request.id}`, {
      version: request.version,
      data: { status: 'closed' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.details).toEqual([
      {
        pointer: '/data/status',
        code: 'transition',
        message: '«Статус»: из «Новое» нельзя перейти в «Закрыто»',
      },
    ]);
    const submitted = await call('POST', '/forms/request-card/submit', {
      recordId: request.id,
      version: request.version,
      data: { ...request.data, status: 'resolved' },
    });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json().error.details[0].pointer).toBe('/data/status');
  });

  it('lets a status follow the arrows and other fields change freely', async () => {
    const request = await newRequest();
    const taken = await call('PATCH', `/records/request/${request.id}`, {
      version: request.version,
      data: { status: 'in_progress' },
    });
    expect(taken.statusCode).toBe(200);
    const resolved = await call('POST', '/forms/request-card/submit', {
      recordId: request.id,
      version: taken.json().version,
      data: { ...taken.json().data, status: 'resolved', priority: 'low' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().record.data).toMatchObject({ status: 'resolved', priority: 'low' });
  });
});
