import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { importDemoTemplate } from '../bundles/demo-template.js';

describe.each(databaseTargets)('sorting by a choice field on $name', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
    await importDemoTemplate(h.db, h.app.bundles, 'support-desk');
  });
  afterAll(() => h.close());

  it('orders options as the analyst listed them, not by their codes', async () => {
    const list = async (sort: string) =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/records/request?sort=${sort}&limit=200`,
          headers: await h.as('operator'),
        })
      )
        .json()
        .items.map((r: { data: { priority: string } }) => r.data.priority) as string[];
    const order = ['low', 'normal', 'high', 'critical'];
    const ascending = await list('priority');
    expect(ascending).toEqual([...ascending].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(new Set(ascending).size).toBeGreaterThan(2);
    expect(await list('-priority')).toEqual(
      [...ascending].sort((a, b) => order.indexOf(b) - order.indexOf(a)),
    );
  });
});
