import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../testing/test-app.js';
import { databaseTargets } from '../../testing/test-database.js';
import { fieldValue } from './field-sql.js';

const itemEntity = (indexed: boolean) => ({
  schemaVersion: 1,
  label: { ru: 'Пункт', en: 'Item' },
  titleField: 'name',
  fields: [
    { key: 'name', type: 'string', label: { ru: 'Название', en: 'Name' } },
    { key: 'rank', type: 'number', label: { ru: 'Ранг', en: 'Rank' }, indexed },
    { key: 'due', type: 'date', label: { ru: 'Срок', en: 'Due' }, indexed: true },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус', en: 'Status' },
      options: [
        { value: 'new', label: { ru: 'Новый', en: 'New' } },
        { value: 'done', label: { ru: 'Готов', en: 'Done' } },
      ],
    },
  ],
});

interface Page {
  items: { id: string; data: Record<string, unknown>; createdAt: string }[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
}

/** Records straight into the table: thousands in one statement, with ties and missing values on purpose. */
const seedSql = (entity: string, from: number, count: number) => `
  insert into record (id, entity, number, entity_version, data, title, created_at, updated_at)
  select gen_random_uuid(), '${entity}', 1000000000 + n, 1,
    jsonb_strip_nulls(jsonb_build_object(
      'name', 'item ' || n,
      'rank', case when n % 5 = 0 then null else n % 7 end,
      'due', case when n % 4 = 0 then null else to_char(date '2026-01-01' + (n % 9), 'YYYY-MM-DD') end,
      'status', case when n % 3 = 0 then null when n % 3 = 1 then 'new' else 'done' end)),
    'item ' || n, timestamptz '2026-01-01' + (n / 4) * interval '1 minute', now()
  from generate_series(${from}, ${from + count - 1}) n`;

describe.each(databaseTargets)('record lists by cursor on $name', (target) => {
  let h: Harness;
  let headers: Record<string, string>;
  let analyst: Record<string, string>;
  let definitionId: string;
  let draft = 1;
  let extra = 100_000;
  const list = async (query: string, entity = 'item') => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/records/${entity}?${query}`, headers });
    return {
      status: res.statusCode,
      body: res.json() as Page & { error?: { code: string; message: string } },
    };
  };
  const publish = async (body: unknown) => {
    const saved = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/definitions/${definitionId}`,
      headers: analyst,
      payload: { draftVersion: draft, name: 'Пункт', body },
    });
    expect(saved.statusCode).toBe(200);
    draft = saved.json().draftVersion;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${definitionId}/publish`,
      headers: analyst,
      payload: { draftVersion: draft },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const fieldIndexes = async () =>
    (
      await h.db.query<{ indexname: string; indexdef: string }>(
        `select indexname, indexdef from pg_indexes where tablename = 'record' and indexname like 'record\\_f\\_%'`,
      )
    ).map((r) => r.indexdef);

  beforeAll(async () => {
    h = await createHarness(target);
    analyst = await h.as('analyst');
    headers = await h.as('operator');
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: analyst,
      payload: { kind: 'entity', key: 'item', name: 'Пункт', body: itemEntity(true) },
    });
    definitionId = def.json().id;
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${definitionId}/publish`,
      headers: analyst,
      payload: { draftVersion: 1 },
    });
    expect(res.statusCode, res.body).toBe(201);
    await h.db.query(seedSql('item', 1, 137));
  });
  afterAll(() => h.close());

  /** Follows nextCursor to the end; between pages someone adds records, which may show up but never shift others. */
  async function walkForward(query: string, limit: number, insertBetween: boolean) {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const { status, body } = await list(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
      expect(status, JSON.stringify(body)).toBe(200);
      pages.push(body);
      after = body.nextCursor;
      if (insertBetween && pages.length <= 4) {
        await h.db.query(seedSql('item', extra, 3));
        extra += 3;
      }
    } while (after && pages.length < 1000);
    return pages;
  }

  const sorts = ['rank', '-rank', 'due', '-due', '-createdAt', 'createdAt', 'status', '-status', 'name'];
  it.each(sorts)('walks sort=%s without gaps or repeats while records are added', async (sort) => {
    const before = await h.db.query<{ id: string }>(`select id from record where entity = 'item'`);
    const pages = await walkForward(`sort=${sort}`, 10, true);
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
    for (const { id } of before) expect(seen).toContain(id);
    expect(pages[0]!.prevCursor).toBeNull();
  });

  it('orders by the key, missing values last in both directions, ties by id; back pages retrace forward ones', async () => {
    for (const sort of ['rank', '-rank', 'due', '-due']) {
      const pages = await walkForward(`sort=${sort}&filter=status:in:new|done`, 7, false);
      const items = pages.flatMap((p) => p.items);
      const key = sort.replace('-', '');
      const values = items.map((i) => (i.data[key] ?? null) as number | string | null);
      const firstNull = values.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
      const sign = sort.startsWith('-') ? -1 : 1;
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [values[i - 1] ?? null, values[i] ?? null];
        if (a === null || b === null || a === b) {
          if (a === b) expect(sign * items[i - 1]!.id.localeCompare(items[i]!.id)).toBeLessThan(0);
          continue;
        }
        expect(sign * (a < b ? -1 : 1)).toBe(-1);
      }
      // Back from the last page: the same pages in reverse.
      let back: string | null = pages.at(-1)!.prevCursor;
      for (let p = pages.length - 2; p >= 0; p--) {
        expect(back).not.toBeNull();
        const { body } = await list(`sort=${sort}&filter=status:in:new|done&limit=7&before=${back}`);
        expect(body.items.map((i) => i.id)).toEqual(pages[p]!.items.map((i) => i.id));
        back = body.prevCursor;
      }
      expect(back).toBeNull();
    }
  });

  it('keeps offset paging for older clients, in the same order', async () => {
    const byCursor = (await walkForward('sort=-rank', 25, false)).flatMap((p) => p.items.map((i) => i.id));
    const second = await list('sort=-rank&limit=25&offset=25');
    expect(second.status).toBe(200);
    expect(second.body.items.map((i) => i.id)).toEqual(byCursor.slice(25, 50));
  });

  it('counts exactly up to 10,000 and says «more» beyond', async () => {
    await publishBulk();
    await h.db.query(seedSql('bulk', 1, 10_050));
    const all = await list('limit=5', 'bulk');
    expect(all.body).toMatchObject({ total: 10_000, totalCapped: true });
    expect(all.body.items).toHaveLength(5);
    const some = await list('limit=5&filter=status:eq:new', 'bulk');
    expect(some.body).toMatchObject({ total: 3350, totalCapped: false });
  });

  async function publishBulk() {
    const def = await h.app.inject({
      method: 'POST',
      url: '/api/v1/definitions',
      headers: analyst,
      payload: { kind: 'entity', key: 'bulk', name: 'Много', body: itemEntity(false) },
    });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/definitions/${def.json().id}/publish`,
      headers: analyst,
      payload: { draftVersion: 1 },
    });
  }

  it('ranks a search with many matches among its newest five hundred, then pages on through the older ones by date', async () => {
    // The oldest match says «пароль» most often, yet sits past the newest five hundred: a common word in a million
    // requests would otherwise have every match's text read to rank them.
    const seed = (from: number, count: number, text: string, minutes: number) =>
      h.db.query(
        `insert into record (id, entity, number, entity_version, data, title, search_text, created_at, updated_at)
         select gen_random_uuid(), 'item', 2000000000 + n, 1, jsonb_build_object('name', 'поиск ' || n),
           'поиск ' || n, ?, timestamptz '2027-01-01' + (? + n) * interval '1 minute', now()
         from generate_series(?::int, ?::int) n`,
        [text, minutes, from, from + count - 1],
      );
    await seed(1, 1, 'пароль пароль пароль не приходит', 0);
    await seed(2, 1_100, 'не приходит пароль', 10);
    await seed(1_102, 1, 'пароль пароль не приходит', 10_000);
    const names = (pages: Page[]) => pages.flatMap((p) => p.items.map((i) => i.data.name as string));
    const expectNewestRankedThenOlder = async () => {
      const first = await list('q=пароль&limit=3');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 1_102, totalCapped: false });
      expect(first.body.items[0]!.data.name).toBe('поиск 1102');
      const pages = await walkForward('q=пароль', 150, false);
      const seen = names(pages);
      expect(seen).toHaveLength(1_102);
      expect(new Set(seen).size).toBe(1_102);
      // Past the ranked five hundred, the older matches follow newest first, ending with the oldest.
      const older = seen.slice(500).map((name) => Number(name.split(' ')[1]));
      expect(older).toEqual([...older].sort((a, b) => b - a));
      expect(older.at(-1)).toBe(1);
      expect(seen.slice(0, 500)).not.toContain('поиск 1');
      // Back from the last page: the same pages, across the seam.
      let back: string | null = pages.at(-1)!.prevCursor;
      for (let p = pages.length - 2; p >= 0; p--) {
        const { body } = await list(`q=пароль&limit=150&before=${back}`);
        expect(names([body])).toEqual(names([pages[p]!]));
        back = body.prevCursor;
      }
      expect(back).toBeNull();
      // By number, the same order across the seam.
      const byOffset = await list('q=пароль&limit=20&offset=490');
      expect(names([byOffset.body])).toEqual(seen.slice(490, 510));
    };
    // The matches are among the newest records, and the planner knows them for common: found by reading the newest
    // records in date order.
    await h.db.query('analyze record');
    await expectNewestRankedThenOlder();
    // Thirty thousand newer records match nothing: the whole type is searched, with the same answer.
    await seed(5_000, 30_000, 'счёт оплачен', 20_000);
    await h.db.query('analyze record');
    await expectNewestRankedThenOlder();
    // A handful of matches: all of them ranked, no older stretch.
    await seed(40_000, 3, 'квитанция не пришла', 50_000);
    const few = await walkForward('q=квитанция', 2, false);
    expect(names(few).sort()).toEqual(['поиск 40000', 'поиск 40001', 'поиск 40002']);
    await h.db.query(`delete from record where entity = 'item' and number >= 2000000000`);
  });

  it('refuses forged cursors with a 400 that says what is wrong, and binds their values', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = '00000000-0000-4000-8000-000000000000';
    const bad = [
      'not a cursor',
      forge({ sort: 'rank' }),
      forge(['rank', '1', 'x; drop table record']),
      forge(['rank', '1 or 1=1', id]),
      forge(['-createdAt', '1', id]),
      // A cursor past a search's ranked stretch belongs to a search only, and carries a time.
      forge(['rank', '2026-01-01 00:00:00+00', id, 'older']),
    ];
    for (const after of bad) {
      const res = await list(`sort=rank&after=${encodeURIComponent(after)}`);
      expect(res.status, after).toBe(400);
      expect(res.body.error?.code).toBe('bad_cursor');
    }
    const other = await list(`sort=-rank&after=${forge(['rank', '1', id])}`);
    expect(other.body.error?.message).toMatch(/rank/);
    const both = await list(`sort=rank&offset=10&after=${forge(['rank', '1', id])}`);
    expect(both.status).toBe(400);
    // A text sort takes any text, as a bound value: quotes find their place in the order and nothing else.
    const quoted = await list(`sort=name&after=${forge(['name', "item 5'; drop table record; --", id])}`);
    expect(quoted.status).toBe(200);
    expect((await list('limit=1')).status).toBe(200);
  });

  it("pages a record's history by the id of its last entry, with a capped total", async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/records/item',
      headers,
      payload: { data: { name: 'история' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    let record = created.json() as { id: string; version: number };
    for (const name of ['два', 'три', 'четыре', 'пять']) {
      const res = await h.app.inject({
        method: 'PATCH',
        url: `/api/v1/records/item/${record.id}`,
        headers,
        payload: { version: record.version, data: { name } },
      });
      record = res.json();
    }
    const audit = (query: string) =>
      h.app.inject({ method: 'GET', url: `/api/v1/records/item/${record.id}/audit?${query}`, headers });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await audit(`limit=2${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as {
        items: { id: string }[];
        total: number;
        totalCapped: boolean;
        nextCursor: string | null;
      };
      expect(body).toMatchObject({ total: 5, totalCapped: false });
      seen.push(...body.items.map((i) => i.id));
      after = body.nextCursor;
    } while (after);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
    expect((await audit('after=1%20or%201%3D1')).statusCode).toBe(400);
  });

  it('builds an index on publish for each indexed field, drops it when the flag goes, and lists use it', async () => {
    const indexes = await fieldIndexes();
    expect(indexes.some((d) => d.includes("'rank'") && d.includes("entity = 'item'"))).toBe(true);
    expect(indexes.some((d) => d.includes("opora_date((data ->> 'due'::text))"))).toBe(true);
    const statistics = () =>
      h.db.query<{ stxname: string }>(
        `select stxname from pg_statistic_ext where stxname like 'record\\_s\\_%'`,
      );
    // item and bulk have rank and due (bulk: due only): one statistics object per index, for the planner.
    expect(await statistics()).toHaveLength(3);
    if (target.name === 'postgresql') {
      await h.db.query(seedSql('item', 1_000_000, 30_000));
      await h.db.query('analyze record');
      const rank = fieldValue('rank', 'numeric');
      const plan = await h.db.query<{ 'QUERY PLAN': string }>(
        `explain select id from record where entity = 'item' and deleted_at is null and ${rank} is not null
         and (${rank}, id) > (3::numeric, '00000000-0000-4000-8000-000000000000'::uuid)
         order by ${rank}, id limit 51`,
      );
      expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Index (Only )?Scan.*record_f_/);
    }
    await publish(itemEntity(false));
    const after = await fieldIndexes();
    expect(after.some((d) => d.includes("'rank'"))).toBe(false);
    expect(after.some((d) => d.includes("'due'"))).toBe(true);
    expect(await statistics()).toHaveLength(2);
  });
});
