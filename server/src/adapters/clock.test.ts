import { fixedClock } from '@opora/runtime/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../testing/definitions.js';
import { ticketEntity } from '../testing/fixtures.js';
import { createHarness, type Harness } from '../testing/test-app.js';
import { databaseTargets } from '../testing/test-database.js';

const at = '2031-05-06T07:08:09.000Z';

describe.each(databaseTargets)('the server reads the time from its clock ($name)', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { clock: fixedClock(Date.parse(at)) });
  });
  afterAll(() => h.close());

  it('stamps definitions, versions, records, audit rows and exports with it', async () => {
    const admin = await h.as('admin');
    const { created, published } = await publishDefinition(h, {
      kind: 'entity',
      key: 'ticket',
      name: 'Заявка',
      body: ticketEntity,
    });
    expect(created).toMatchObject({ createdAt: at, updatedAt: at });
    expect(published).toMatchObject({ publishedAt: at });
    const record = await h.app.inject({
      method: 'POST',
      url: '/api/v1/records/ticket',
      headers: admin,
      payload: { data: { subject: 'Не открывается личный кабинет' } },
    });
    expect(record.json()).toMatchObject({ createdAt: at, updatedAt: at });
    const history = await h.app.inject({
      method: 'GET',
      url: `/api/v1/audit?targetId=${record.json().id}`,
      headers: admin,
    });
    expect(history.json().items.map((entry: { at: string }) => entry.at)).toEqual([at]);
    const bundle = await h.app.inject({ method: 'GET', url: '/api/v1/bundles/export', headers: admin });
    expect(bundle.json().exportedAt).toBe(at);
    expect(bundle.headers['content-disposition']).toContain('2031-05-06');
  });
});
