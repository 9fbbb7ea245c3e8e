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
    // The template holds the portal (the administrators') and demo records; see the rights test below.
    headers = await h.as('admin');
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
    // Processes publish like the other kinds; the first-line bot that starts the refund approval after them.
    expect(first.json().published).toEqual(
      expect.arrayContaining([
        { kind: 'process', key: 'refund-approval', version: 1 },
        { kind: 'process', key: 'kb-article-review', version: 1 },
        { kind: 'bot', key: 'first-line-bot', version: 1 },
      ]),
    );
    expect((await call('GET', '/records/request')).json().total).toBeGreaterThan(0);
    const again = (await call('POST', '/bundles/import', { ...template, records: [] })).json();
    expect(again).toMatchObject({ created: [], updated: [], published: [] });
  });

  it('refuses, naming each, the items the caller may not write, and writes nothing', async () => {
    const exported = (await call('GET', '/bundles/export?knowledgeBase=true')).json() as {
      definitions: { kind: string; key: string; body: Record<string, unknown>; published?: boolean }[];
      knowledgeBase: {
        articles: {
          key: string;
          title: string;
          state?: string;
          category?: string | null;
          related?: string[];
        }[];
        categories: unknown[];
      };
    };
    const article = exported.knowledgeBase.articles.find((a) => a.state === 'published')!;
    const portalIndex = exported.definitions.findIndex((d) => d.kind === 'portal');
    const hostile = structuredClone(exported);
    hostile.knowledgeBase.articles = [
      { ...article, title: 'Подменённая статья', category: null, related: [] },
    ];
    hostile.knowledgeBase.categories = [];
    const portal = hostile.definitions[portalIndex]!;
    portal.body = { ...portal.body, name: { ru: 'Чужой портал' } };
    const before = await countDefinitions();
    const asDeveloper = await h.app.inject({
      method: 'POST',
      url: '/api/v1/bundles/import',
      headers: await h.as('developer'),
      payload: hostile,
    });
    expect(asDeveloper.statusCode).toBe(403);
    expect(asDeveloper.json().error.code).toBe('forbidden');
    const pointers = asDeveloper.json().error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual([
      `/definitions/${portalIndex}`,
      '/knowledgeBase/articles/0',
      '/knowledgeBase/synonyms',
    ]);
    // Nothing was written: the article keeps its title, the portal its name, no definition was added.
    const [stored] = await h.db.query<{ title: string }>('select title from kb_article where key = ?', [
      article.key,
    ]);
    expect(stored?.title).toBe(article.title);
    const site = (await call('GET', '/published/portal/main')).json();
    expect(site.body.name.ru).not.toBe('Чужой портал');
    expect(await countDefinitions()).toBe(before);

    // An analyst may write the knowledge base (and leaves the unchanged portal alone) but not demo records.
    const asAnalyst = await h.app.inject({
      method: 'POST',
      url: '/api/v1/bundles/import',
      headers: await h.as('analyst'),
      payload: template,
    });
    expect(asAnalyst.statusCode).toBe(403);
    const refused = asAnalyst.json().error.details as { pointer: string; message: string }[];
    expect(refused.map((d) => d.pointer)).toEqual((template.records ?? []).map((_, i) => `/records/${i}`));
    expect(refused.at(-1)!.message).toContain('admin, operator, supervisor');
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
