import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../testing/definitions.js';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const template = (key: string, body: Record<string, unknown>) => ({
  kind: 'template' as const,
  key,
  name: key,
  body: { schemaVersion: 2, lines: [], ...body },
});

const lineBody = {
  schemaVersion: 2,
  channels: [],
  order: 100,
  rules: [],
  groups: [],
  skills: [],
  priority: 0,
  capacity: 3,
  offerTimeoutSeconds: 60,
};

describe.each(databaseTargets)('answer templates in the composer on $name', (target) => {
  let h: Harness;
  let operator: Record<string, string>;
  const get = async (query: string, headers = operator) =>
    h.app.inject({ method: 'GET', url: `/api/v1/answer-templates${query}`, headers });
  const keys = async (query: string) =>
    (await get(query)).json().items.map((item: { key: string }) => item.key);

  beforeAll(async () => {
    h = await createHarness(target);
    operator = await h.as('operator');
    for (const key of ['accounting', 'delivery'])
      await publishDefinition(h, {
        kind: 'line',
        key,
        name: key,
        body: { ...lineBody, title: { ru: key } },
      });
    for (const definition of [
      template('thanks', {
        title: { ru: 'Благодарность', en: 'Thanks' },
        text: { ru: 'Спасибо, {{client.firstName}}!', en: 'Thank you, {{client.firstName}}!' },
        shortcut: 'спасибо',
        tags: ['конец'],
      }),
      template('waiting', {
        title: { ru: 'Спасибо за ожидание' },
        text: { ru: 'Ещё минуту.' },
        shortcut: 'ждём',
      }),
      template('accounting', {
        title: { ru: 'Перевод в бухгалтерию' },
        text: { ru: 'Передаю вопрос бухгалтерии.' },
        lines: ['accounting'],
      }),
      template('delivery', {
        title: { ru: 'Сроки доставки' },
        text: { ru: '3–5 дней.' },
        lines: ['delivery'],
      }),
    ])
      await publishDefinition(h, definition);
    // A draft never published is not offered.
    await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: await h.as('admin'),
      payload: template('draft-only', { title: { ru: 'Спасибо (черновик)' }, text: { ru: 'x' } }),
    });
  });
  afterAll(() => h.close());

  it('finds by shortcut prefix first, case- and ё-insensitively, and answers texts with their variables', async () => {
    const res = await get('?q=%D0%A1%D0%9F%D0%90%D0%A1');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { key: string }) => i.key)).toEqual(['thanks', 'waiting']);
    expect(res.json().items[0]).toEqual({
      key: 'thanks',
      version: 1,
      title: { ru: 'Благодарность', en: 'Thanks' },
      text: { ru: 'Спасибо, {{client.firstName}}!', en: 'Thank you, {{client.firstName}}!' },
      shortcut: 'спасибо',
      tags: ['конец'],
      lines: [],
    });
    expect(await keys(`?q=${encodeURIComponent('ждем')}`)).toEqual(['waiting']);
    expect(await keys(`?q=${encodeURIComponent('ещё')}`)).toEqual(['waiting']);
    expect(await keys('?q=thank&locale=en')).toEqual(['thanks']);
  });

  it('offers a line its own templates and those for every line; without a line, all', async () => {
    expect(await keys('?line=accounting')).toEqual(['accounting', 'waiting', 'thanks']);
    expect((await keys('')).sort()).toEqual(['accounting', 'delivery', 'thanks', 'waiting']);
    expect(await keys('?limit=1')).toHaveLength(1);
  });

  it('stops offering an archived template', async () => {
    const { created } = await publishDefinition(
      h,
      template('old', { title: { ru: 'Устаревший' }, text: { ru: 'x' }, shortcut: 'устар' }),
    );
    expect(await keys('?q=устар')).toEqual(['old']);
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${created.id}/archive`,
      headers: await h.as('admin'),
    });
    expect(await keys('?q=устар')).toEqual([]);
  });

  it('is for operators, supervisors and admins only', async () => {
    for (const role of ['supervisor', 'admin'] as const)
      expect((await get('', await h.as(role))).statusCode).toBe(200);
    for (const role of ['client', 'analyst', 'developer'] as const)
      expect((await get('', await h.as(role))).statusCode).toBe(403);
    expect((await get('', {})).statusCode).toBe(401);
  });

  it('refuses a bad query with the API’s error shape', async () => {
    for (const query of [
      '?limit=0',
      '?limit=51',
      '?line=Bad%20Line',
      `?q=${'x'.repeat(101)}`,
      '?locale=de',
      '?x=1',
    ]) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBeTruthy();
    }
  });

  it('refuses a template with an unknown variable or a stray brace, listing both with their pointers', async () => {
    // Drafts are checked as a publish would be: the typo never reaches the published set.
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: await h.as('admin'),
      payload: template('typo', {
        title: { ru: 'Опечатка' },
        text: { ru: 'Здравствуйте, {{client.nmae}}!', en: 'Hello {{client.name' },
      }),
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { pointer: string; message: string; code: string }[];
    expect(details.map((d) => [d.pointer, d.code])).toEqual([
      ['/body/text/ru', 'template-variable'],
      ['/body/text/en', 'template-braces'],
    ]);
    expect(details[0]?.message).toContain('{{client.nmae}}');
  });

  it('refuses to publish a template offered on a line that is not published', async () => {
    const headers = await h.as('admin');
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers,
      payload: template('nowhere', {
        title: { ru: 'Никуда' },
        text: { ru: 'x' },
        lines: ['accounting', 'no-such'],
      }),
    });
    expect(created.statusCode).toBe(201);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${created.json().id}/publish`,
      headers,
      payload: { draftVersion: 1 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/body/lines/1']);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/v1/answer-templates'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'line', 'locale', 'limit']),
    );
  });
});
