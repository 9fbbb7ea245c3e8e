import { createHarness, type Harness } from '@opora/server/testing/test-app';
import { databaseTargets } from '@opora/server/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Distinct short words: their tsvector outgrows PostgreSQL's 1 MB limit long before the text does (the save
// answered 500): Latin ones past about 700,000 characters, Cyrillic ones past about 460,000.
const wordsOf = (alphabet: string) => (i: number) =>
  i < alphabet.length ** 3
    ? Array.from(
        { length: 3 },
        (_, k) => alphabet[Math.floor(i / alphabet.length ** k) % alphabet.length],
      ).join('')
    : Array.from(
        { length: 4 },
        (_, k) => alphabet[Math.floor(i / alphabet.length ** k) % alphabet.length],
      ).join('');
const distinctWords = (alphabet: string, chars: number) => {
  const word = wordsOf(alphabet);
  return Array.from({ length: Math.ceil(chars / 4) }, (_, i) => word(i))
    .join(' ')
    .slice(0, chars);
};

/** Text too big for a full-text index is still saved; search reads its beginning. */
describe.each(databaseTargets)('huge text on $name', (target) => {
  let h: Harness;
  let admin: Record<string, string>;
  const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
    h.app.inject({ method, url: `/api/v1${url}`, headers: admin, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    h = await createHarness(target);
    admin = await h.as('admin');
  });
  afterAll(() => h?.close());

  it('saves a record holding a megabyte of distinct words, and finds it by its first words', async () => {
    const entity = (
      await call('POST', '/definitions', {
        kind: 'entity',
        key: 'memo',
        name: 'Memo',
        body: {
          schemaVersion: 1,
          label: { ru: 'Записка' },
          fields: [{ key: 'text', type: 'richtext', label: { ru: 'Текст' } }],
        },
      })
    ).json();
    const published = await call('POST', `/definitions/${entity.id}/publish`, {
      draftVersion: entity.draftVersion,
    });
    expect(published.statusCode, published.body).toBe(201);
    const created = await call('POST', '/records/memo', {
      data: { text: `<p>${distinctWords('abcdefghijklmnopqrstuvwxyz', 990_000)}</p>` },
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const found = (await call('GET', '/records/memo?q=bcd')).json();
    expect(found.total).toBe(1);
  });

  it('saves an article of 500,000 characters of distinct words', async () => {
    const created = await call('POST', '/kb/articles', {
      title: 'Словарь',
      body: `<p>${distinctWords('абвгдежзийклмнопрстуфхцчшщыэюя', 490_000)}</p>`,
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
  });
});
