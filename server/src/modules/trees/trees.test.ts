import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

const t = (ru: string) => ({ ru });

describe.each(databaseTargets)('question trees on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const tree = (article: string, extra: object[] = []) => ({
    schemaVersion: 2,
    title: t('Помощник'),
    root: 'start',
    nodes: [
      { id: 'start', title: t('С чем помочь?'), children: ['account', 'chat'] },
      { id: 'account', title: t('Личный кабинет'), children: ['password'] },
      { id: 'password', title: t('Сменить пароль'), leaf: { type: 'article', article } },
      {
        id: 'chat',
        title: t('Чат'),
        leaf: { type: 'contact', channel: 'chat', url: 'https://chat.example/' },
      },
      ...extra,
    ],
  });
  const publishTree = async (key: string, body: object) => {
    const created = (
      await call('POST', '/definitions', analyst, { kind: 'tree', key, name: key, body })
    ).json();
    return call('POST', `/definitions/${created.id}/publish`, analyst, {
      draftVersion: created.draftVersion,
    });
  };

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    const article = (
      await call('POST', '/kb/articles', analyst, { title: 'Как сменить пароль', body: '<p>Шаги</p>' })
    ).json();
    let version = article.version;
    for (const state of ['review', 'published'])
      version = (await call('POST', `/kb/articles/${article.id}/state`, analyst, { version, state })).json()
        .version;
  });
  afterAll(() => h.close());

  it('refuses a tree with a cycle (not even as a draft) or a missing article, naming the node', async () => {
    const cyclic = tree('kak-smenit-parol');
    cyclic.nodes[1] = { ...cyclic.nodes[1]!, children: ['password', 'start'] } as never;
    const refused = await call('POST', '/definitions', analyst, {
      kind: 'tree',
      key: 'cyclic',
      name: 'c',
      body: cyclic,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({
        pointer: '/body/nodes/1/children/1',
        code: 'cycle',
        message: expect.stringContaining('«Личный кабинет» (account)'),
      }),
    ]);
    const missing = await publishTree('missing', tree('net-takoj-stati'));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({
        pointer: '/body/nodes/2/leaf/article',
        message: expect.stringContaining('«Сменить пароль» (password)'),
      }),
    ]);
  });

  it('records walks with their outcome and reports per-node statistics', async () => {
    expect((await publishTree('helper', tree('kak-smenit-parol'))).statusCode).toBe(201);
    const published = (await call('GET', '/portal/trees/helper')).json();
    expect(published.articles['kak-smenit-parol'].title).toBe('Как сменить пароль');

    const walk = (await call('POST', '/portal/trees/helper/walks', {}, { path: ['account'] })).json();
    expect(walk).toMatchObject({ path: ['account'], outcome: null, version: 1 });
    const refused = await call(
      'POST',
      `/portal/walks/${walk.id}/events`,
      {},
      { type: 'choose', node: 'chat' },
    );
    expect(refused.statusCode).toBe(400);
    const read = (
      await call('POST', `/portal/walks/${walk.id}/events`, {}, { type: 'choose', node: 'password' })
    ).json();
    expect(read).toMatchObject({ path: ['account', 'password'], outcome: 'article' });
    const rated = (
      await call('POST', `/portal/walks/${walk.id}/events`, {}, { type: 'rate', helpful: true })
    ).json();
    expect(rated.outcome).toBe('helpful');
    const second = (await call('POST', '/portal/trees/helper/walks', {}, {})).json();
    await call('POST', `/portal/walks/${second.id}/events`, {}, { type: 'choose', node: 'chat' });

    const stats = (await call('GET', '/trees/helper/stats', analyst)).json();
    expect(stats.walks).toBe(2);
    expect(stats.nodes.account.visits).toBe(1);
    expect(stats.nodes.password.outcomes).toEqual({ helpful: 1 });
    expect(stats.nodes.chat.outcomes).toEqual({ contact: 1 });
    expect((await call('GET', '/trees/helper/stats')).statusCode).toBe(401);
  });

  it('keeps a walk on the version it started on', async () => {
    const walk = (await call('POST', '/portal/trees/helper/walks', {}, {})).json();
    const definition = (await call('GET', '/definitions?kind=tree&q=helper', analyst)).json().items[0];
    const next = tree('kak-smenit-parol');
    next.nodes[0] = { ...next.nodes[0]!, children: ['chat'] } as never;
    next.nodes.splice(1, 2);
    await call('PUT', `/definitions/${definition.id}`, analyst, {
      name: 'helper',
      body: next,
      draftVersion: definition.draftVersion,
    });
    expect(
      (
        await call('POST', `/definitions/${definition.id}/publish`, analyst, {
          draftVersion: definition.draftVersion + 1,
        })
      ).statusCode,
    ).toBe(201);
    const moved = (
      await call('POST', `/portal/walks/${walk.id}/events`, {}, { type: 'choose', node: 'account' })
    ).json();
    expect(moved).toMatchObject({ version: 1, path: ['account'] });
  });
});
