import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.js';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../testing/test-database.js';
import { evenCoverage } from './coverage.js';
import { rankAll, rankByTiers, type SearchFilter } from './search-plan.js';

const published: SearchFilter = {
  sql: `a.state = 'published' and a.audience = any(?::text[])`,
  params: ['{public}'],
};

/**
 * 6,000 articles (more than the popularity walks reach) where «пароль» is in every body, in the summary of every
 * third and in the title of every seventh, and «кабинет» in the title of only the 40 least read: the title tier
 * of «пароль» fills a page among the most read, that of «кабинет» only by reading all its matches.
 */
async function seed(db: Database): Promise<void> {
  await db.query(
    `insert into kb_article (id, key, title, summary, body, body_text, audience, state, popularity, published_at)
     select gen_random_uuid(), 'a-' || g,
       case when g % 7 = 0 then 'Пароль и вход ' || g when g <= 40 then 'Личный кабинет ' || g else 'Статья ' || g end,
       case when g % 3 = 0 then 'Про пароль' else 'Справка' end,
       '<p>Текст</p>', 'Текст про пароль и кабинет номер ' || g,
       case when g % 11 = 0 then 'staff' else 'public' end,
       case when g % 13 = 0 then 'draft' else 'published' end,
       g, now()
     from generate_series(1, 6000) as g`,
  );
  await db.query('analyze kb_article');
}

/** The order tiered ranking promises, computed the slow way: title, then summary, then body, each by popularity. */
async function reference(db: Database, query: string, limit: number, offset: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select a.id from kb_article a, (select ?::tsquery as q) x
     where ${published.sql} and a.search_vec @@ x.q
     order by case when a.title_vec @@ x.q then 0 when a.head_vec @@ x.q then 1 else 2 end, a.popularity desc, a.id
     limit ? offset ?`,
    [query, ...published.params, limit, offset],
  );
  return rows.map((r) => r.id);
}

describe.each(databaseTargets)('tiered ranking on $name', (target) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(target);
    await seed(test.db);
  }, 120_000);
  afterAll(() => test.dispose());

  it.each([
    ["'парол'", 0],
    ["'парол'", 30],
    ["'парол'", 495],
    ["'кабинет'", 0],
    ["'кабинет'", 35],
    ["'кабинет' & 'парол'", 0],
  ])('pages %s from offset %i in the order of exact ranking by tier', async (query, offset) => {
    const page = await rankByTiers(test.db, query, published, 10, offset);
    expect(page.ids).toEqual(await reference(test.db, query, 10, offset));
    expect(page.exhausted).toBe(false);
  });

  it('says when the tiers ran dry, with the rest of the matches', async () => {
    const page = await rankByTiers(test.db, "'парол' & '5999'", published, 10, 0);
    expect(page).toEqual({ ids: await reference(test.db, "'парол' & '5999'", 10, 0), exhausted: true });
  });

  it('ranks a narrow query exactly, titles first, with the total', async () => {
    const cover = evenCoverage([[['личн']], [['кабинет']]]);
    const ranked = await rankAll(test.db, "'личн' & 'кабинет'", published, '', 10, 0, cover);
    expect(ranked.total).toBe(await countOf(test.db, "'личн' & 'кабинет'"));
    expect(ranked.ids).toHaveLength(10);
  });
});

async function countOf(db: Database, query: string): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(
    `select count(*) as n from kb_article a where ${published.sql} and a.search_vec @@ ?::tsquery`,
    [...published.params, query],
  );
  return Number(row?.n);
}
