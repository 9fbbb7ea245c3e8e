import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { importDemoTemplate } from '../bundles/demo-template.js';

describe.each(databaseTargets)('record types and related records on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const get = (url: string) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: operator });

  beforeAll(async () => {
    h = await createHarness(target);
    await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('lists the published data types with their labels', async () => {
    const res = await get('/record-types');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ key: 'client', pluralLabel: { ru: 'Клиенты', en: 'Clients' } }),
      expect.objectContaining({ key: 'company' }),
      expect.objectContaining({ key: 'request', version: 1 }),
    ]);
  });

  it('finds the records pointing at a company, per type and relation field', async () => {
    const company = (await get(`/records/company?q=${encodeURIComponent('СеверСтрой')}`)).json().items[0];
    const res = await get(`/records/company/${company.id}/related?limit=1`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().items as { entity: string; field: string; total: number; items: unknown[] }[];
    expect(groups.map((g) => `${g.entity}.${g.field}`)).toEqual(['client.company', 'request.company']);
    const clients = groups[0]!;
    expect(clients).toMatchObject({
      entityLabel: { ru: 'Клиенты' },
      fieldLabel: { ru: 'Компания' },
      total: 2,
    });
    expect(clients.items).toHaveLength(1);
    const all = (await get(`/records/client?filter=company:eq:${company.id}`)).json().total;
    expect(clients.total).toBe(all);
  });

  it('answers 404 for a record that does not exist', async () => {
    const res = await get('/records/company/00000000-0000-4000-8000-000000000000/related');
    expect(res.statusCode).toBe(404);
  });
});
