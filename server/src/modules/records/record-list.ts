import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordItem, RecordQuery } from '@opora/sdk';
import { type CappedTotal, cappedCount, samplePercent } from '../../db/capped-count.js';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { type Cursor, type CursorParam, decodeCursor, encodeCursor } from './record-cursor.js';
import { buildRecordQuery, type SqlPart } from './record-query.js';
import type { SortKey } from './record-sort.js';
import { type RecordRow, recordColumns, recordRowView } from './record-view.js';

export interface RecordListPage extends CappedTotal {
  items: RecordItem[];
  limit: number;
  offset: number;
  /** Pass as `after` for the page that follows; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` for the page that precedes; null on the first page. */
  prevCursor: string | null;
}

type SortedRow = RecordRow & { sort_value: string | null };
type Row = SortedRow & { segment: Segment };
type Direction = 'asc' | 'desc';
/**
 * A stretch of the order, each read by its own index order: records with a sort value, then those without; for an
 * order taken among a search's newest matches, those ranked, then every older match by date.
 */
type Segment = 'values' | 'nulls' | 'older';

/**
 * A page of records walked by (sort key, id) from a cursor, so page 1,000 costs what page 1 does, with the
 * total counted only up to the cap. `offset` still works for API clients that page by number.
 */
export async function listRecords(
  db: Database,
  entity: string,
  body: EntityBody,
  query: RecordQuery,
  owned: SqlPart | null,
): Promise<RecordListPage> {
  const built = buildRecordQuery(entity, body, query);
  const where = owned ? and(built.where, owned) : built.where;
  const { sort } = built;
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const param: CursorParam | null = query.before ? 'before' : query.after ? 'after' : null;
  if ((query.after && query.before) || (param && offset > 0))
    throw fail.badCursor(param ?? 'after', { key: 'cursor_conflict' });
  const cursor = param ? decodeCursor((query.after ?? query.before)!, param, sort) : null;
  const scope: Scope = { entity, recentFirst: query.q?.trim() ? await commonMatch(db, query.q) : false };
  const [counted, rows] = await Promise.all([
    cappedCount(db, `from record where ${where.sql}`, where.params, undefined, {
      sampled: `from record tablesample system (${samplePercent}) repeatable (0) where ${where.sql}`,
      // A search's common word is told among the newest records, before its index is asked for every match.
      part: scope.recentFirst ? recentPart(entity, where) : undefined,
    }),
    offset > 0
      ? offsetRows(db, scope, where, sort, limit + 1, offset)
      : walk(db, scope, where, sort, cursor, param === 'before', limit + 1),
  ]);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (param === 'before') page.reverse();
  const edge = (row: Row | undefined) =>
    row
      ? encodeCursor({
          sort: sort.name,
          value: row.sort_value,
          id: row.id,
          ...(row.segment === 'older' ? { older: true as const } : {}),
        })
      : null;
  const started = cursor !== null || offset > 0;
  return {
    items: page.map(recordRowView),
    ...counted,
    limit,
    offset,
    nextCursor: param === 'before' || more ? edge(page.at(-1)) : null,
    prevCursor: param === 'before' ? (more ? edge(page[0]) : null) : started ? edge(page[0]) : null,
  };
}

/**
 * Reads `want` rows from the cursor on, in walk order (backwards for `before`), segment after segment, so either
 * direction of a sort uses the one (key, id) index; a segment is read only when the one before runs out.
 */
async function walk(
  db: Database,
  scope: Scope,
  where: SqlPart,
  sort: SortKey,
  cursor: Cursor | null,
  backward: boolean,
  want: number,
): Promise<Row[]> {
  const direction: Direction = backward ? flip(sort.dir) : sort.dir;
  const segments: Segment[] = sort.amongNewest
    ? ['values', 'older']
    : sort.nullable
      ? ['values', 'nulls']
      : ['values'];
  if (backward) segments.reverse();
  const first = cursor ? segments.indexOf(segmentOf(cursor)) : 0;
  const rows: Row[] = [];
  for (let i = first; i < segments.length && rows.length < want; i++) {
    const from = i === first ? cursor : null;
    const segment = segments[i]!;
    const read =
      segment === 'older'
        ? olderRows(db, scope, where, sort, backward, from, want - rows.length)
        : segmentRows(db, scope, where, sort, segment, direction, from, want - rows.length);
    rows.push(...(await read).map((row) => ({ ...row, segment })));
  }
  return rows;
}

const segmentOf = (cursor: Cursor): Segment =>
  cursor.older ? 'older' : cursor.value === null ? 'nulls' : 'values';

function segmentRows(
  db: Database,
  scope: Scope,
  where: SqlPart,
  sort: SortKey,
  segment: 'values' | 'nulls',
  direction: Direction,
  cursor: Cursor | null,
  limit: number,
): Promise<SortedRow[]> {
  const e = sort.expr;
  const op = direction === 'asc' ? '>' : '<';
  const source = rowsFrom(scope, where, sort);
  const parts: SqlPart[] = [source.where];
  if (segment === 'nulls') {
    parts.push({ sql: `${e.sql} is null`, params: e.params });
    if (cursor) parts.push({ sql: `id ${op} ?::uuid`, params: [cursor.id] });
  } else {
    if (sort.nullable) parts.push({ sql: `${e.sql} is not null`, params: e.params });
    if (cursor)
      parts.push({
        sql: `(${e.sql}, id) ${op} (?::${sort.cast}, ?::uuid)`,
        params: [...e.params, cursor.value, cursor.id],
      });
  }
  const order: SqlPart =
    segment === 'nulls'
      ? { sql: `id ${direction}`, params: [] }
      : { sql: `${e.sql} ${direction}, id ${direction}`, params: e.params };
  const condition = parts.reduce(and);
  return db.query<SortedRow>(
    `select ${recordColumns}, (${e.sql})::text as sort_value from ${source.from.sql} where ${condition.sql}
     order by ${order.sql} limit ?`,
    [...e.params, ...source.from.params, ...condition.params, ...order.params, limit],
  );
}

/**
 * The matches older than a search's ranked newest ones, newest first (oldest first walking back), so paging goes
 * on through every match: the ranked stretch ends at the oldest of the newest matches, and a cursor here carries
 * a creation time. Read along the dates like the newest matches, so a common word finds its next page near the
 * cursor instead of having every match sorted.
 */
function olderRows(
  db: Database,
  scope: Scope,
  where: SqlPart,
  sort: SortKey,
  backward: boolean,
  cursor: Cursor | null,
  limit: number,
): Promise<SortedRow[]> {
  const direction: Direction = backward ? 'asc' : 'desc';
  const bounds: SqlPart[] = [];
  if (cursor)
    bounds.push({
      sql: `(created_at, id) ${backward ? '>' : '<'} (?::timestamptz, ?::uuid)`,
      params: [cursor.value, cursor.id],
    });
  // Walking on from a cursor here, every record is older than the ranked ones already; the seam bounds the rest.
  if (backward || !cursor) bounds.push(olderThan(newestMatches(scope, where, sort.amongNewest!)));
  const source = matchesByDate(scope, where, limit, { direction, from: bounds.reduce(and) });
  return db.query<SortedRow>(
    `select ${recordColumns}, created_at::text as sort_value from ${source.sql}
     order by created_at ${direction}, id ${direction} limit ?`,
    [...source.params, limit],
  );
}

/**
 * A record older than the oldest of `newest` (the ranked newest matches, as a from-item): none when there are
 * fewer matches than those.
 */
function olderThan(newest: SqlPart): SqlPart {
  return {
    sql: `(created_at, id) < (select created_at, id from ${newest.sql} order by created_at, id limit 1)`,
    params: newest.params,
  };
}

/**
 * What a page's rows are read from: the table, filtered by `where`; or, for an order taken among the newest
 * matches only, those matches under the table's name (so the order and the cursor read them alike).
 */
function rowsFrom(scope: Scope, where: SqlPart, sort: SortKey): { from: SqlPart; where: SqlPart } {
  if (!sort.amongNewest) return { from: { sql: 'record', params: [] }, where };
  return { from: newestMatches(scope, where, sort.amongNewest), where: { sql: 'true', params: [] } };
}

/** The list's type, and whether a search's matches are looked for among its newest records first. */
interface Scope {
  entity: string;
  recentFirst: boolean;
}

/**
 * Whether every word of a search is among the most common ones of the records' text (the statistics PostgreSQL
 * keeps of the search column): then its matches are many and spread over the years, and the newest records are
 * read first. A word outside that list is rarer than any in it, and the index finds its matches for less; so does
 * a table without statistics yet. The planner's own estimate cannot tell: it gives a word it keeps no figure for
 * a fixed share, as many as for a common one.
 */
async function commonMatch(db: Database, q: string): Promise<boolean> {
  const [row] = await db.query<{ common: boolean | null }>(
    `select bool_and(word = any(s.most_common_elems::text::text[])) as common
       from unnest(tsvector_to_array(to_tsvector('russian', ?))) word,
            pg_stats s
      where s.schemaname = current_schema() and s.tablename = 'record' and s.attname = 'search'`,
    [q],
  );
  return row?.common === true;
}

/** How many of a type's records are looked through in date order for its matches before the whole type is. */
const recentScanned = 30_000;

/** A stretch of a type's records read by date: which way, and from where (a condition on created_at and id). */
interface DateStretch {
  direction: Direction;
  from: SqlPart | null;
}

const newestFirst: DateStretch = { direction: 'desc', from: null };

/** `where` over the type's next {@link recentScanned} records of the stretch (its newest, by default), in date order. */
function recentPart(
  entity: string,
  where: SqlPart,
  stretch: DateStretch = newestFirst,
): { fromWhere: string; params: unknown[] } {
  const { direction: d, from } = stretch;
  return {
    fromWhere: `from (select * from record where entity = ? and deleted_at is null ${from ? `and ${from.sql}` : ''}
                      order by created_at ${d}, id ${d} limit ${recentScanned}) record where ${where.sql}`,
    params: [entity, ...(from?.params ?? []), ...where.params],
  };
}

/**
 * The first `count` records matching `where` along a stretch by date (by default the newest). For a common search,
 * looked for first among the stretch's next {@link recentScanned} records, read in date order (neighbouring rows
 * sit together on disk), where a common word finds its matches; only when too few are there is the whole type
 * searched. The planner cannot choose between the two itself (it misjudges how many records several words match
 * together, and would sort every match by date), so both are written out.
 */
function matchesByDate(
  scope: Scope,
  where: SqlPart,
  count: number,
  stretch: DateStretch = newestFirst,
): SqlPart {
  const d = stretch.direction;
  const first = `order by created_at ${d}, id ${d} limit ${count}`;
  const bounded = stretch.from ? and(where, stretch.from) : where;
  if (!scope.recentFirst)
    return { sql: `(select * from record where ${bounded.sql} ${first}) record`, params: bounded.params };
  const recent = recentPart(scope.entity, where, stretch);
  return {
    sql: `(with recent as (select * ${recent.fromWhere} ${first})
       select * from recent where (select count(*) from recent) >= ${count}
       union all
       select * from (select * from record where ${bounded.sql} ${first}) whole
       where (select count(*) from recent) < ${count}) record`,
    params: [...recent.params, ...bounded.params],
  };
}

const newestMatches = (scope: Scope, where: SqlPart, count: number) => matchesByDate(scope, where, count);

/** The old way by number, for API clients that page by offset: the same order in one statement. */
async function offsetRows(
  db: Database,
  scope: Scope,
  where: SqlPart,
  sort: SortKey,
  limit: number,
  offset: number,
): Promise<Row[]> {
  if (sort.amongNewest) return rankedThenOlderByOffset(db, scope, where, sort, limit, offset);
  const e = sort.expr;
  const rows = await db.query<SortedRow>(
    `select ${recordColumns}, (${e.sql})::text as sort_value from record where ${where.sql}
     order by ${e.sql} ${sort.dir} nulls last, id ${sort.dir} limit ? offset ?`,
    [...e.params, ...where.params, ...e.params, limit, offset],
  );
  return rows.map((row) => ({ ...row, segment: 'values' }));
}

/**
 * A search's ranked newest matches, then the older ones by date, counted off by number: of the older ones only
 * as many as the page can reach are read, along the dates.
 */
function rankedThenOlderByOffset(
  db: Database,
  scope: Scope,
  where: SqlPart,
  sort: SortKey,
  limit: number,
  offset: number,
): Promise<Row[]> {
  const e = sort.expr;
  const ranked = newestMatches(scope, where, sort.amongNewest!);
  // The ranked matches are found once: the older ones are bounded by the same rows.
  const older = matchesByDate(scope, where, limit + offset, {
    direction: 'desc',
    from: olderThan({ sql: 'ranked_matches', params: [] }),
  });
  return db.query<Row>(
    `with ranked_matches as (select * from ${ranked.sql})
     select * from (
       select ${recordColumns}, (${e.sql})::text as sort_value, 'values' as segment, ${e.sql} as ranked
         from ranked_matches record
       union all
       select ${recordColumns}, created_at::text, 'older', null from ${older.sql}) page
     order by segment = 'older', ranked desc, case when segment = 'older' then created_at end desc, id desc
     limit ? offset ?`,
    [...ranked.params, ...e.params, ...e.params, ...older.params, limit, offset],
  );
}

const flip = (d: Direction): Direction => (d === 'asc' ? 'desc' : 'asc');

const and = (a: SqlPart, b: SqlPart): SqlPart => ({
  sql: `${a.sql} and ${b.sql}`,
  params: [...a.params, ...b.params],
});
