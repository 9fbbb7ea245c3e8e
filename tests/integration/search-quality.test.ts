import { importTemplate } from '@opora/server/testing/template';
import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What a visitor types → the article that must come first, on the support-desk template's knowledge base. */
const firstResult: [query: string, key: string][] = [
  ['пароли', 'vosstanovlenie-parolya'],
  ['восстановлению пароля', 'vosstanovlenie-parolya'],
  ['как сменить пароль', 'kak-smenit-parol'],
  ['пороль', 'vosstanovlenie-parolya'],
  ['смена паролей', 'kak-smenit-parol'],
  ['не могу войти', 'problemy-s-avtorizaciej'],
  ['двойное списание', 'dvojnoe-spisanie'],
  ['где мой заказ', 'otslezhivanie-zakaza'],
  ['вернуть деньги', 'vozvrat-deneg-za-zakaz'],
  ['сменить аватар', 'smena-foto-profilya'],
  ['фотография профиля', 'smena-foto-profilya'],
  ['забыл логин', 'zabyl-login'],
  ['госуслуги', 'vhod-cherez-gosuslugi'],
  ['удалить аккаунт', 'udalenie-lichnogo-kabineta'],
  ['password', 'vosstanovlenie-parolya'],
  ['код доступа', 'vosstanovlenie-parolya'],
  ['стоимостью доставки', 'sroki-i-stoimost-dostavki'],
  ['подскажите, не могу войти', 'problemy-s-avtorizaciej'],
];

/** Colloquial words the template's synonyms list knows → an article that uses the proper word. */
const colloquial: [query: string, keys: string[]][] = [
  ['инет', ['oshibka-500']],
  ['симка', ['smena-nomera-telefona', 'ne-prihodit-sms-kod']],
  ['комп', ['podderzhivaemye-brauzery']],
  ['прога', ['podderzhivaemye-brauzery']],
  ['вайфай', ['oshibka-500']],
  ['эсэмэска', ['ne-prihodit-sms-kod']],
];

/** Queries whose words no article covers together: the best partial match is not an answer. */
const noExactAnswer: [query: string, notFirst: string][] = [
  ['промокод не работает', 'vhod-cherez-gosuslugi'],
  ['бонусные баллы сгорели', 'udalenie-lichnogo-kabineta'],
];

type Hit = { key: string; title: { text: string }[] };

describe.each(databaseTargets)('knowledge-base search quality on the template ($name)', (target) => {
  let h: Harness;
  const search = async (q: string, headers: Record<string, string> = {}, extra = '') => {
    const response = await h.app.inject({
      method: 'GET',
      url: `/api/v1/portal/kb/search?q=${encodeURIComponent(q)}${extra}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    h = await createHarness(target);
    await importTemplate(h);
  });
  afterAll(() => h.close());

  it.each(firstResult)('«%s» → %s first', async (query, key) => {
    const result = await search(query);
    expect(result.items[0]?.key, JSON.stringify(result.items.map((i: { key: string }) => i.key))).toBe(key);
  });

  it.each(firstResult)('«%s» is an exact answer', async (query) => {
    expect((await search(query)).exactAnswer).toBe(true);
  });

  it.each(colloquial)('«%s» reaches %j as an exact answer', async (query, keys) => {
    const result = await search(query);
    expect(keys, JSON.stringify(result.items.map((i: Hit) => i.key))).toContain(result.items[0]?.key);
    expect(result.exactAnswer).toBe(true);
    expect(result.correctedQuery).toBeNull();
  });

  it.each(noExactAnswer)('«%s» has no exact answer; %s is only possibly related', async (query, key) => {
    const result = await search(query);
    expect(result.exactAnswer).toBe(false);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.map((i: Hit) => i.key)).toContain(key);
  });

  it('puts the article with the distinctive word above one with only the common words', async () => {
    const result = await search('промокод не работает');
    expect(result.items[0].key).toBe('kak-oformit-zakaz');
  });

  it('records a weak query with its count and what it was shown, beside the ones that found nothing', async () => {
    const gaps = async (kind = '') =>
      (
        await h.app.inject({
          method: 'GET',
          url: `/api/v1/kb/search-gaps${kind ? `?kind=${kind}` : ''}`,
          headers: await h.as('analyst'),
        })
      ).json().items as { query: string; kind: string; count: number; shown: string[]; lastAt: string }[];
    const query = 'бонусные баллы сгорели';
    const before = (await gaps()).find((g) => g.query === query)?.count ?? 0;
    const shown = (await search(query)).items.map((i: Hit) => i.title.map((p) => p.text).join(''));
    await search(query);
    await search(query, {}, '&offset=10');
    await search('zzzz weak');
    const weak = (await gaps('weak')).find((g) => g.query === query);
    expect(weak).toMatchObject({ kind: 'weak', count: before + 2, shown: shown.slice(0, 3) });
    expect(weak?.shown[0]).toBe('Как удалить личный кабинет (аккаунт)');
    expect(Date.parse(weak!.lastAt)).toBeGreaterThan(0);
    expect((await gaps('weak')).every((g) => g.kind === 'weak')).toBe(true);
    const zero = await gaps('zero');
    expect(zero.find((g) => g.query === 'zzzz weak')).toMatchObject({ kind: 'zero', count: 1, shown: [] });
    expect(zero.every((g) => g.kind === 'zero')).toBe(true);
    expect((await gaps()).map((g) => g.query)).toEqual(expect.arrayContaining(['zzzz weak', query]));
    // An exact answer is no gap.
    await search('как сменить пароль');
    expect((await gaps()).some((g) => g.query === 'как сменить пароль')).toBe(false);
  });

  it('says when it searched a corrected spelling, and marks what matched', async () => {
    const result = await search('пороль');
    expect(result.correctedQuery).toBe('пароль');
    const title = result.items[0].title as { text: string; match: boolean }[];
    expect(title.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain('пароля');
    expect(result.items[0].snippet.some((p: { match: boolean }) => p.match)).toBe(true);
  });

  it('shows contract clients their articles and visitors only the public ones', async () => {
    const visitor = await search('счёт-фактура');
    expect(visitor.items.map((i: { key: string }) => i.key)).not.toContain('zakryvayushchie-dokumenty');
    const client = await search('счёт-фактура', await h.as('client'));
    expect(client.items[0].key).toBe('zakryvayushchie-dokumenty');
    const staffOnly = await search('регламент ответа', await h.as('operator'));
    expect(staffOnly.items[0].key).toBe('reglament-otveta-na-obrashcheniya');
    expect((await search('регламент ответа')).items.map((i: { key: string }) => i.key)).not.toContain(
      'reglament-otveta-na-obrashcheniya',
    );
  });

  it('filters by category (with its subcategories) and by tag', async () => {
    const categories = (await h.app.inject({ method: 'GET', url: '/api/v1/kb/categories' })).json().items;
    expect(categories.find((c: { key: string }) => c.key === 'account').articleCount).toBeGreaterThan(5);
    const inPayment = await search('пароль', {}, '&category=payment');
    expect(inPayment.total).toBe(0);
    const byTag = await search('пароль', {}, `&tag=${encodeURIComponent('безопасность')}`);
    expect(byTag.items.length).toBeGreaterThan(0);
    for (const item of byTag.items) expect(item.tags).toContain('безопасность');
  });

  it('answers any query normally and records the ones that find nothing as content gaps', async () => {
    for (const q of [
      '<script>alert(1)</script>',
      '%_\\\'"; drop table kb_article; --',
      '🙂🙃',
      'а'.repeat(20_000),
      '   ',
      'zzzz qqq',
    ]) {
      const result = await search(q);
      expect(result.items).toEqual([]);
    }
    await search('zzzz qqq');
    const gaps = (
      await h.app.inject({ method: 'GET', url: '/api/v1/kb/search-gaps', headers: await h.as('analyst') })
    ).json().items as { query: string; count: number }[];
    expect(gaps.find((g) => g.query === 'zzzz qqq')?.count).toBe(2);
    expect(gaps.some((g) => g.query.includes('script'))).toBe(true);
  });

  it('suggests titles as you type', async () => {
    const suggest = async (q: string) =>
      (
        await h.app.inject({ method: 'GET', url: `/api/v1/portal/kb/suggest?q=${encodeURIComponent(q)}` })
      ).json().items;
    const titles = (await suggest('восстан')).map((s: { key: string }) => s.key);
    expect(titles).toContain('vosstanovlenie-parolya');
    expect(await suggest('п')).toEqual([]);
    expect((await suggest('сменить пар')).map((s: { key: string }) => s.key)).toEqual(['kak-smenit-parol']);
  });
});
