import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('saved views on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  let supervisor: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string>, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const state = {
    columns: ['subject', 'status'],
    filters: ['status:eq:new'],
    sort: '-createdAt',
    q: 'оплата',
  };

  beforeAll(async () => {
    h = await createHarness(target);
    operator = await h.as('operator');
    supervisor = await h.as('supervisor');
  });
  afterAll(() => h.close());

  it('saves a view per user and lists it back', async () => {
    const created = await call('POST', '/views', operator, {
      entity: 'request',
      name: 'Новые про оплату',
      state,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      entity: 'request',
      name: 'Новые про оплату',
      shared: false,
      mine: true,
      owner: { name: 'Test operator' },
      state,
    });
    const list = (await call('GET', '/views?entity=request', operator)).json().items;
    expect(list.map((v: { name: string }) => v.name)).toEqual(['Новые про оплату']);
    expect((await call('GET', '/views?entity=client', operator)).json().items).toEqual([]);
  });

  it('keeps private views private and shows shared ones to colleagues read-only', async () => {
    const mine = (
      await call('POST', '/views', operator, { entity: 'request', name: 'Общий', shared: true, state })
    ).json();
    const names = (await call('GET', '/views?entity=request', supervisor)).json().items;
    expect(names).toEqual([expect.objectContaining({ name: 'Общий', mine: false, shared: true })]);
    const change = { name: 'Чужой', shared: true, state };
    expect((await call('PUT', `/views/${mine.id}`, supervisor, change)).statusCode).toBe(403);
    expect((await call('DELETE', `/views/${mine.id}`, supervisor)).statusCode).toBe(403);

    const hidden = (await call('GET', '/views?entity=request', operator)).json().items as {
      id: string;
      shared: boolean;
    }[];
    const privateId = hidden.find((v) => !v.shared)!.id;
    expect((await call('DELETE', `/views/${privateId}`, supervisor)).statusCode).toBe(404);
    // An administrator may remove a shared view that is in everyone's way.
    expect((await call('DELETE', `/views/${mine.id}`, await h.as('admin'))).statusCode).toBe(204);
  });

  it('renames and re-shares a view, refusing a name the owner already uses', async () => {
    const a = (await call('POST', '/views', operator, { entity: 'client', name: 'А', state })).json();
    await call('POST', '/views', operator, { entity: 'client', name: 'Б', state });
    const duplicate = await call('POST', '/views', operator, { entity: 'client', name: 'Б', state });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details[0].pointer).toBe('/name');
    expect(
      (await call('PUT', `/views/${a.id}`, operator, { name: 'Б', shared: false, state })).statusCode,
    ).toBe(409);
    const renamed = await call('PUT', `/views/${a.id}`, operator, {
      name: 'В',
      shared: true,
      state: { ...state, columns: ['fullName'] },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'В', shared: true, state: { columns: ['fullName'] } });
    expect((await call('DELETE', `/views/${a.id}`, operator)).statusCode).toBe(204);
    expect((await call('DELETE', `/views/${a.id}`, operator)).statusCode).toBe(404);
  });

  it('refuses a malformed view and callers who are not staff', async () => {
    const bad = await call('POST', '/views', operator, {
      entity: 'request',
      name: '',
      state: { columns: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await call('GET', '/views?entity=request', await h.as('client'))).statusCode).toBe(403);
    expect((await call('GET', '/views?entity=request', {})).statusCode).toBe(401);
  });
});
