import { performance } from 'node:perf_hooks';
import type { Database } from '../../../db/database.js';
import { toPgArray } from '../../../db/pg-array.js';
import { type Coverage, coverageSql } from './coverage.js';

/**
 * Above this many estimated matches a query is "broad": ranking every match would cost too much. Also broad:
 * a query matching more than a twentieth of the table, which the planner would answer by reading every row.
 */
export const broadThreshold = 2000;
const broadShare = 0.05;
/** Broad queries page through at most this far (50 pages of 10); the total is still reported. */
export const maxBroadOffset = 500;

/** Filters of a search as SQL over `kb_article a`, with the tsquery bound as `x.q`. */
export interface SearchFilter {
  sql: string;
  params: unknown[];
}

/** Whether to rank every match (few) or page through the popularity index by tiers (many). */
export async function isBroad(
  db: Database,
  query: string,
  filter: SearchFilter,
): Promise<{ broad: boolean; estimate: number }> {
  const [estimate, articles] = await Promise.all([estimateMatches(db, query, filter), tableSize(db)]);
  const large = estimate > broadThreshold;
  // A small table may be read whole: a couple of hundred matches are ranked exactly wherever they come from.
  const largeShare = estimate > 200 && articles > 0 && estimate > articles * broadShare;
  return { broad: large || largeShare, estimate };
}

let sizeCache: { at: number; rows: number } | undefined;

/** The planner's idea of the table size (kept a minute per process): cheap, and what its choices follow. */
export async function tableSize(db: Database): Promise<number> {
  if (sizeCache && performance.now() - sizeCache.at < 60_000) return sizeCache.rows;
  const [row] = await db.query<{ rows: number | string }>(
    `select reltuples as rows from pg_class where relname = 'kb_article'`,
  );
  sizeCache = { at: performance.now(), rows: Number(row?.rows ?? -1) };
  return sizeCache.rows;
}

/** How many published articles the planner expects to match. */
async function estimateMatches(db: Database, query: string, filter: SearchFilter): Promise<number> {
  const rows = await db.query<Record<string, unknown>>(
    `explain (format json) select 1 from kb_article a, (select ?::tsquery as q) x
     where ${filter.sql} and a.search_vec @@ x.q`,
    [query, ...filter.params],
  );
  const plan = Object.values(rows[0] ?? {})[0];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return parsed[0]?.Plan['Plan Rows'] ?? 0;
}

/**
 * Exact ranking, for queries matching few enough articles to rank them all: the words as typed in a title
 * first, then by how much of the query each article covers (title over summary/tags over body, see
 * `coverage.ts`) plus a little of the weighted rank over the small head vector (never the large body vector),
 * then popularity. The page, the total and the best coverage among all matches in one statement.
 */
export async function rankAll(
  db: Database,
  query: string,
  filter: SearchFilter,
  phrase: string,
  limit: number,
  offset: number,
  coverage: Coverage,
): Promise<{ ids: string[]; total: number; best: number }> {
  // The words as typed, in a title, beat everything («где мой заказ» when the stop words are gone).
  const rows = await db.query<{ id: string; total: string | number; best: string | number }>(
    `select a.id, count(*) over () as total, max(c.cov) over () as best
     from kb_article a, (select ?::tsquery as q, ?::tsquery[] as terms, ?::float8[] as weights) x,
       lateral (select ${coverageSql(coverage)} as cov) c
     where ${filter.sql} and a.search_vec @@ x.q
     order by (replace(lower(a.title), 'ё', 'е') like ?) desc, c.cov + ${rankShare} * ts_rank(a.head_vec, x.q, 1) desc,
       a.popularity desc, a.id
     limit ? offset ?`,
    [
      query,
      toPgArray(coverage.terms),
      `{${coverage.weights.map((w) => w.toFixed(6)).join(',')}}`,
      ...filter.params,
      phrase ? `%${phrase}%` : '',
      limit,
      offset,
    ],
  );
  return {
    ids: rows.map((r) => r.id),
    total: Number(rows[0]?.total ?? 0),
    best: Number(rows[0]?.best ?? 0),
  };
}

/** How much the weighted rank adds to coverage: enough to order articles covering alike, too little to lift a lesser cover. */
const rankShare = 0.1;

const tiers = [
  'a.title_vec @@ x.q',
  'a.head_vec @@ x.q and not (a.title_vec @@ x.q)',
  'a.search_vec @@ x.q and not (a.head_vec @@ x.q)',
];

/**
 * How far down the popularity order a tier looks first, and at most, before it asks the full-text index for
 * every match. The first walk is also a sample: a tier it finds often enough to fill the page within the longer
 * walk gets that walk; a tier thinner than that has few enough matches to read and sort them all.
 */
const firstWalk = 500;
const longWalk = 5000;

/**
 * Tiered ranking, for broad queries: title matches, then summary/tag matches, then body matches, each tier by
 * popularity. Each tier walks the most read articles and stops once the page is full, so the work grows with
 * the page, not with the tens of thousands of matches; only a tier too thin among them (a couple of hundred
 * title matches in 100,000 articles) reads its matches from the index and sorts them. Returns the ids and,
 * when the tiers ran dry, whether the count is exact.
 */
export async function rankByTiers(
  db: Database,
  query: string,
  filter: SearchFilter,
  limit: number,
  offset: number,
): Promise<{ ids: string[]; exhausted: boolean }> {
  const need = offset + limit;
  const collected: string[] = [];
  for (const tier of tiers) {
    const want = need - collected.length;
    collected.push(...(await tierIds(db, query, filter, tier, want)));
    if (collected.length >= need) return { ids: collected.slice(offset, need), exhausted: false };
  }
  return { ids: collected.slice(offset, need), exhausted: true };
}

/** One tier's best `want` ids by popularity, reading as little as its density among the most read allows. */
async function tierIds(db: Database, query: string, filter: SearchFilter, tier: string, want: number) {
  const sample = await tierPage(db, query, filter, tier, want, firstWalk);
  if (sample.length >= want) return sample;
  const longWalkFills = sample.length > 0 && (want * firstWalk) / sample.length <= longWalk;
  if (longWalkFills) {
    const walked = await tierPage(db, query, filter, tier, want, longWalk);
    if (walked.length >= want) return walked;
  }
  return tierPage(db, query, filter, tier, want, null);
}

/** One tier's best `want` ids by popularity: among the `within` most read articles, or among all. */
async function tierPage(
  db: Database,
  query: string,
  filter: SearchFilter,
  tier: string,
  want: number,
  within: number | null,
): Promise<string[]> {
  const source =
    within === null
      ? 'kb_article a'
      : `(select * from kb_article a where a.state = 'published' order by a.popularity desc, a.id limit ${within}) a`;
  const rows = await db.query<{ id: string }>(
    `select a.id from ${source}, (select ?::tsquery as q) x where ${filter.sql} and ${tier}
     order by a.popularity desc, a.id limit ?`,
    [query, ...filter.params, want],
  );
  return rows.map((r) => r.id);
}
