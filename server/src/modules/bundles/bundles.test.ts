import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { templateBundlePath } from './demo-template.js';

describe.each(databaseTargets)('bundles on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  let template: { definitions: unknown[]; records?: unknown[] };
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    h.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const countDefinitions = async () => (await call('GET', '/definitions?limit=1')).json().total as number;

  beforeAll(async () => {
    h = await createHarness(target);
    headers = await h.as('analyst');
    template = JSON.parse(await readFile(templateBundlePath('support-desk'), 'utf8'));
  });
  afterAll(() => h.close());

  it('refuses a broken bundle with pointers and imports nothing', async () => {
    const broken = structuredClone(template) as {
      definitions: { kind: string; body: { fields?: unknown[] } }[];
    };
    const entity = broken.definitions.find((d) => d.kind === 'entity')!;
    entity.body.fields = [{ key: 'x', type: 'nonsense', label: { ru: 'x' } }];
    const res = await call('POST', '/bundles/import', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].pointer).toMatch(/^\/definitions\/\d+\/body\/fields\/0/);
    expect(await countDefinitions()).toBe(0);
  });

  it('rolls back everything when a record fails late in the import', async () => {
    const broken = structuredClone(template) as { records: { data: Record<string, unknown> }[] };
    broken.records.at(-1)!.data = { nonexistentField: 1 };
    const res = await call('POST', '/bundles/import', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].pointer).toMatch(
      new RegExp(`^/records/${broken.records.length - 1}/data`),
    );
    expect(await countDefinitions()).toBe(0);
  });

  it('imports the support-desk template with its demo records, then re-imports idempotently', async () => {
    const first = await call('POST', '/bundles/import', template);
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toHaveLength(template.definitions.length);
    expect(first.json().records).toBe(template.records?.length ?? 0);
    expect((await call('GET', '/records/request')).json().total).toBeGreaterThan(0);
    const again = (await call('POST', '/bundles/import', { ...template, records: [] })).json();
    expect(again).toMatchObject({ created: [], updated: [], published: [] });
  });

  it('exports a kind as a bundle that imports back', async () => {
    const res = await call('GET', '/bundles/export?kind=form');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="opora-bundle-/);
    const bundle = res.json();
    expect(bundle.format).toBe('opora-bundle');
    expect(bundle.definitions.every((d: { kind: string }) => d.kind === 'form')).toBe(true);
    expect((await call('POST', '/bundles/import', bundle)).statusCode).toBe(200);
  });
});
