import type { Harness } from '@opora/server/testing/test-app';
import { commonSearches } from './scale-corpus.js';
import type { HttpCall } from './scale-load.js';

/** A read measured against the bare route doing its SQL; scenarios are taken in turn. */
export interface ReadCase {
  /** Names the figure across databases (the benchmark's words carry this database's counts). */
  key: string;
  benchmark: string;
  /** Goal on the 95th percentile, in milliseconds. */
  goalP95Ms: number;
  opora: HttpCall[][];
  bare: HttpCall[][];
}

const status = 'in_progress';
const pageSize = 50;
const deepestPage = 2000;
/** Walking a cursor to the deep page stops here: what a slow cursor could not reach in time is reported as such. */
const cursorWalkMs = 120_000;

/**
 * The work screen's reads over the seeded requests: the list by date with a status filter (first page, a deep page
 * by offset and — when the API hands out `nextCursor` — by cursor), a request's card and a client's card (the
 * calls the card makes: the record, its history, its related records, its thread) and full-text search.
 */
export async function readCases(
  h: Harness,
  origin: string,
  headers: Record<string, string>,
  log: (line: string) => void,
): Promise<ReadCase[]> {
  const get = (path: string): HttpCall => ({ path, headers });
  const bare = (path: string): HttpCall => ({ path });
  const list = `/api/v1/records/request?filter=status:eq:${status}&sort=-createdAt&limit=${pageSize}`;
  const matching = await count(h, `data->>'status' = '${status}'`);
  const page = Math.max(2, Math.min(deepestPage, Math.floor((matching * 0.9) / pageSize)));
  const offset = (page - 1) * pageSize;
  const cases: ReadCase[] = [
    {
      key: 'list-first',
      benchmark: `list: first page of «В работе» by date (${matching.toLocaleString('en')} match)`,
      goalP95Ms: 20,
      opora: [[get(list)]],
      bare: [[bare(`/list?status=${status}`)]],
    },
    {
      key: 'list-offset',
      benchmark: `list: page ${page} by offset`,
      goalP95Ms: 20,
      opora: [[get(`${list}&offset=${offset}`)]],
      bare: [[bare(`/list?status=${status}&offset=${offset}`)]],
    },
  ];
  const cursor = await cursorTo(origin, headers, list, page, log);
  const [last] = await h.db.query<{ created_at: Date; id: string }>(
    `select created_at, id from record where entity = 'request' and deleted_at is null and data->>'status' = ?
     order by created_at desc, id desc offset ? limit 1`,
    [status, offset - 1],
  );
  const keyset = `/list?status=${status}&at=${encodeURIComponent(new Date(last!.created_at).toISOString())}&id=${last!.id}`;
  if (cursor.after)
    cases.push({
      key: 'list-cursor',
      benchmark: `list: page ${cursor.page} by cursor (after)`,
      goalP95Ms: 20,
      opora: [[get(`${list}&after=${encodeURIComponent(cursor.after)}`)]],
      bare: [[bare(keyset)]],
    });
  else log(`  the list API offers no nextCursor${cursor.note ? ` (${cursor.note})` : ''}: no cursor figure`);
  const requests = await sample(h, 'request');
  cases.push({
    key: 'request-card',
    benchmark: 'request card: record + history + related + thread',
    goalP95Ms: 20,
    opora: requests.map((id) => [
      get(`/api/v1/records/request/${id}`),
      get(`/api/v1/records/request/${id}/audit?limit=10&offset=0`),
      get(`/api/v1/records/request/${id}/related?limit=5`),
      get(`/api/v1/records/request/${id}/thread`),
    ]),
    bare: requests.map((id) => [bare(`/card/${id}`)]),
  });
  const clients = await sample(h, 'client');
  const perClient = Math.round((await count(h, 'true')) / Math.max(1, await count(h, 'true', 'client')));
  cases.push({
    key: 'client-card',
    benchmark: `client card: record + history + its requests (≈${perClient} each)`,
    goalP95Ms: 20,
    opora: clients.map((id) => [
      get(`/api/v1/records/client/${id}`),
      get(`/api/v1/records/client/${id}/audit?limit=10&offset=0`),
      get(`/api/v1/records/client/${id}/related?limit=5`),
    ]),
    bare: clients.map((id) => [bare(`/card/${id}`), bare(`/related/${id}`)]),
  });
  const search = (q: string) => get(`/api/v1/records/request?q=${encodeURIComponent(q)}&limit=${pageSize}`);
  const bareSearch = (q: string) => bare(`/search?q=${encodeURIComponent(q)}`);
  cases.push({
    key: 'search-common',
    benchmark: `search: common words (${commonSearches.join(', ')})`,
    goalP95Ms: 50,
    opora: commonSearches.map((q) => [search(q)]),
    bare: commonSearches.map((q) => [bareSearch(q)]),
  });
  const numbers = await orderNumbers(h);
  cases.push({
    key: 'search-number',
    benchmark: `search: an order number (${numbers.join(', ')})`,
    goalP95Ms: 50,
    opora: numbers.map((q) => [search(q)]),
    bare: numbers.map((q) => [bareSearch(q)]),
  });
  return cases;
}

async function count(h: Harness, where: string, entity = 'request'): Promise<number> {
  const [row] = await h.db.query<{ n: string }>(
    `select count(*) as n from record where entity = ? and deleted_at is null and ${where}`,
    [entity],
  );
  return Number(row!.n);
}

async function sample(h: Harness, entity: string): Promise<string[]> {
  const rows = await h.db.query<{ id: string }>(
    'select id from record where entity = ? and deleted_at is null order by random() limit 50',
    [entity],
  );
  return rows.map((r) => r.id);
}

/** Six-digit numbers the seed wrote into subjects («заказ № 123456»): each finds a handful of requests. */
async function orderNumbers(h: Harness): Promise<string[]> {
  const rows = await h.db.query<{ n: string }>(
    `select substring(title from '[0-9]{6}') as n from record
      where entity = 'request' and title ~ '[0-9]{6}' order by random() limit 5`,
  );
  return rows.map((r) => r.n);
}

/**
 * The `after` of the deep page, found by walking the pages as a user paging forward would: the cursor is the
 * server's to shape. Returns nothing when the API gives no `nextCursor`.
 */
async function cursorTo(
  origin: string,
  headers: Record<string, string>,
  list: string,
  page: number,
  log: (line: string) => void,
): Promise<{ after?: string; page: number; note?: string }> {
  const started = Date.now();
  let after: string | undefined;
  for (let reached = 1; reached < page; reached++) {
    const url = `${origin}${list}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await fetch(url, { headers });
    if (!res.ok) return { page, note: `HTTP ${res.status} ${(await res.text()).slice(0, 200)}` };
    const body = (await res.json()) as { nextCursor?: string | null };
    if (!('nextCursor' in body)) return { page };
    if (!body.nextCursor) return { page: reached, note: `no next page after page ${reached}` };
    after = body.nextCursor;
    if (Date.now() - started > cursorWalkMs) {
      log(`  cursor walk stopped at page ${reached + 1} after ${cursorWalkMs / 1000} s`);
      return { after, page: reached + 1 };
    }
  }
  return { after, page };
}
