import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

/** A filter value the database would refuse to compare is the caller's 400, said in their language (was a 500). */
describe.each(databaseTargets)('record filter values on $name', (target) => {
  let h: Harness;
  let admin: Record<string, string>;
  const list = (filter: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/records/event?filter=${encodeURIComponent(filter)}`,
      headers: admin,
    });

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.tokenFor('admin');
    const fields = [
      { key: 'title', type: 'string', label: { ru: 'Название' } },
      { key: 'seats', type: 'number', label: { ru: 'Места' } },
      { key: 'day', type: 'date', label: { ru: 'День' } },
      { key: 'starts', type: 'datetime', label: { ru: 'Начало' } },
    ];
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: admin,
      payload: {
        kind: 'entity',
        key: 'event',
        name: 'Event',
        body: { schemaVersion: 1, label: { ru: 'Событие' }, fields },
      },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers: admin,
      payload: { draftVersion: 1 },
    });
  });
  afterAll(() => h?.close());

  it.each([
    'seats:eq:abc',
    'seats:gt:0x10',
    'seats:lt:',
    'day:eq:2024-02-30',
    'day:gt:1',
    'starts:gte:2024-01-01T25:00',
    'number:gt:1e20',
    'number:gt:1.5',
    'createdAt:gt:1',
    'updatedAt:eq:abc',
  ])('refuses %s with a 400', async (filter) => {
    const response = await list(filter);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('bad_filter');
  });

  it("says what is wrong in the caller's language, and takes what PostgreSQL takes", async () => {
    expect((await list('seats:gt:много')).json().error.message).toBe(
      'Некорректный фильтр «seats:gt:много»: «много» — не число',
    );
    expect((await list('nope:eq:1')).json().error.details[0].message).toBe('нет поля «nope»');
    for (const fine of [
      'seats:gte:1.5e2',
      'day:lt:2024-02-29',
      'starts:gt:2024-02-29T10:00:00+03:00',
      'number:lte:7',
    ])
      expect((await list(fine)).statusCode, fine).toBe(200);
  });
});
