import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';

describe.each(databaseTargets)('knowledge base on $name', (target) => {
  let h: Harness;
  let analyst: Record<string, string>;
  let operator: Record<string, string>;
  const call = (method: string, url: string, headers: Record<string, string> = {}, payload?: object) =>
    h.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const create = async (payload: object) => {
    const response = await call('POST', '/kb/articles', analyst, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const move = async (article: { id: string; version: number }, state: string) => {
    const response = await call('POST', `/kb/articles/${article.id}/state`, analyst, {
      version: article.version,
      state,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const publish = async (article: { id: string; version: number }) =>
    move(await move(article, 'review'), 'published');

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    operator = await h.as('operator');
  });
  afterAll(() => h.close());

  it('keeps categories a tree: no cycles, no deleting what holds articles', async () => {
    const top = (
      await call('POST', '/kb/categories', analyst, { key: 'account', title: { ru: 'Личный кабинет' } })
    ).json();
    const sub = (
      await call('POST', '/kb/categories', analyst, {
        key: 'password',
        title: { ru: 'Пароль' },
        parentId: top.id,
      })
    ).json();
    const cycle = await call('PUT', `/kb/categories/${top.id}`, analyst, {
      title: { ru: 'ЛК' },
      parentId: sub.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0]).toMatchObject({ pointer: '/parentId', code: 'cycle' });
    await create({ title: 'Как сменить пароль', body: '<p>Текст</p>', categoryId: sub.id });
    const refused = await call('DELETE', `/kb/categories/${sub.id}`, analyst);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('category_in_use');
    expect(
      (await call('POST', '/kb/categories', operator, { key: 'x', title: { ru: 'X' } })).statusCode,
    ).toBe(403);
  });

  it('sanitizes article HTML on write and makes the key from the title', async () => {
    const article = await create({
      title: 'Восстановление пароля',
      body: '<p onclick="x()">Шаги<script>alert(1)</script></p><a href="javascript:alert(1)">ссылка</a><img src="x" onerror="alert(1)">',
      tags: ['Пароль', ' пароль ', 'Вход'],
    });
    expect(article.key).toBe('vosstanovlenie-parolya');
    expect(article.body).not.toMatch(/onclick|script|javascript|onerror|alert/);
    expect(article.tags).toEqual(['пароль', 'вход']);
    expect(article.state).toBe('draft');
    const again = await create({ title: 'Восстановление пароля', body: '<p>Вторая</p>' });
    expect(again.key).toBe('vosstanovlenie-parolya-2');
  });

  it('moves articles along their lifecycle only, keeping a revision of every change', async () => {
    const draft = await create({ title: 'Оплата картой', body: '<p>Visa, МИР</p>' });
    const skip = await call('POST', `/kb/articles/${draft.id}/state`, analyst, {
      version: draft.version,
      state: 'archived',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('article_transition');
    const published = await publish(draft);
    expect(published).toMatchObject({ state: 'published', version: 3 });
    expect(published.publishedAt).not.toBeNull();
    const stale = await call('PUT', `/kb/articles/${draft.id}`, analyst, {
      version: 1,
      title: 'x',
      body: 'y',
    });
    expect(stale.statusCode).toBe(409);
    const edited = (
      await call('PUT', `/kb/articles/${draft.id}`, analyst, {
        version: 3,
        title: 'Оплата банковской картой',
        body: '<p>Visa, МИР, Mastercard</p>',
      })
    ).json();
    const versions = (await call('GET', `/kb/articles/${draft.id}/versions`, operator)).json().items;
    expect(versions.map((v: { number: number; change: string }) => `${v.number}:${v.change}`)).toEqual([
      '4:edited',
      '3:state',
      '2:state',
      '1:created',
    ]);
    expect(versions[0].savedBy).toBe('Test analyst');
    const restored = (
      await call('POST', `/kb/articles/${draft.id}/restore`, analyst, { version: edited.version, from: 1 })
    ).json();
    expect(restored).toMatchObject({ title: 'Оплата картой', state: 'published', version: 5 });
    expect((await call('GET', `/kb/articles/${draft.id}/versions/5`, operator)).json().change).toBe(
      'restored',
    );
    const deleting = await call('DELETE', `/kb/articles/${draft.id}?version=5`, analyst);
    expect(deleting.json().error.code).toBe('article_was_published');
  });

  it('shows visitors only published articles of their audience, counts views and ratings once per visitor', async () => {
    const open = await publish(
      await create({ title: 'Сроки доставки', body: '<p>3–5 дней</p>', audience: 'public' }),
    );
    const internal = await publish(
      await create({ title: 'Регламент операторов', body: '<p>Внутреннее</p>', audience: 'staff' }),
    );
    expect((await call('GET', `/portal/kb/articles/${open.key}`)).statusCode).toBe(200);
    expect((await call('GET', `/portal/kb/articles/${internal.key}`)).statusCode).toBe(404);
    expect((await call('GET', `/portal/kb/articles/${internal.key}`, operator)).statusCode).toBe(200);
    expect((await call('POST', `/portal/kb/articles/${open.key}/views`)).statusCode).toBe(204);
    expect((await call('POST', `/portal/kb/articles/${open.key}/views`)).statusCode).toBe(204);

    const first = await call(
      'POST',
      `/portal/kb/articles/${open.key}/ratings`,
      {},
      { helpful: false, comment: 'Мало подробностей' },
    );
    expect(first.json()).toEqual({ helpful: 0, notHelpful: 1 });
    const cookie = first.cookies.find((c) => c.name === 'opora_visitor')!;
    const again = await call(
      'POST',
      `/portal/kb/articles/${open.key}/ratings`,
      { cookie: `opora_visitor=${cookie.value}` },
      { helpful: true },
    );
    expect(again.json()).toEqual({ helpful: 1, notHelpful: 0 });
    const page = (
      await call('GET', `/portal/kb/articles/${open.key}`, { cookie: `opora_visitor=${cookie.value}` })
    ).json();
    expect(page).toMatchObject({ views: 2, helpful: 1, notHelpful: 0, myRating: true });
    const ratings = (await call('GET', `/kb/articles/${open.id}/ratings`, operator)).json();
    expect(ratings.items).toEqual([
      expect.objectContaining({ helpful: true, comment: 'Мало подробностей', by: null }),
    ]);
  });
});
