import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('colleague lookup on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const get = (url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: operator });

  beforeAll(async () => {
    h = await createHarness(target);
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('finds colleagues by name or login and by id, with names only', async () => {
    const found = await get('/users/lookup?q=supervisor');
    expect(found.statusCode).toBe(200);
    const [person] = found.json().items;
    expect(person).toEqual({ id: expect.any(String), name: 'Test supervisor' });
    const byId = await get(`/users/lookup?ids=${person.id}`);
    expect(byId.json().items).toEqual([person]);
  });

  it('is for staff only', async () => {
    const client = await h.as('client');
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/users/lookup', headers: client })).statusCode,
    ).toBe(403);
  });
});
