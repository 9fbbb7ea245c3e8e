import type { Database, Em } from './database.js';

/** Past this many matches a list says «более 10 000» instead of counting on: counting costs as much as reading. */
export const countCap = 10_000;
/** Counted exactly first, up to this many: cheap, and most lists (a filter, a search, a card's history) end here. */
const firstCount = 1_000;
/**
 * A planner's estimate this far past the cap is taken to mean "more than the cap" without counting: estimates
 * from the table's statistics can be a few times off, rarely this much. Below it the rows are counted to the cap.
 */
const trustedEstimate = countCap * 3;

export interface CappedTotal {
  /** The exact count up to the cap; the cap itself beyond it. */
  total: number;
  /** Whether more rows match than {@link countCap}. */
  totalCapped: boolean;
}

/** The share of a table's pages a sampled estimate reads (see {@link CountShortcuts}). */
export const samplePercent = 1;

/** Cheaper ways a caller knows to tell that many rows match (see {@link cappedCount}). */
export interface CountShortcuts {
  /**
   * The same `from … where …` over a {@link samplePercent}% sample of the table's pages (`tablesample system (1)
   * repeatable (0)`: the same pages each time), asked when the planner cannot judge the condition.
   */
  sampled?: string;
  /** A `from … where …` matching some of the rows only, cheap to read (the newest ones), with its own params. */
  part?: { fromWhere: string; params: unknown[] };
}

/**
 * Counts the rows a list's `from … where …` matches, exactly up to the cap. Counting to the cap still reads ten
 * thousand rows (tens of ms on a million-row table), so it goes in steps: an exact count up to
 * {@link firstCount} (skipped when the `part` shortcut alone holds more); past that, the planner's estimate;
 * then, when the planner cannot judge the condition (several words of a full-text search together: it takes them
 * for unrelated and expects a small share of the matches), the `sampled` shortcut; only when neither says "far
 * more than the cap" a count up to the cap.
 */
export async function cappedCount(
  db: Database,
  fromWhere: string,
  params: unknown[],
  em?: Em,
  shortcuts: CountShortcuts = {},
): Promise<CappedTotal> {
  const { part, sampled } = shortcuts;
  if (part) return countWithPart(db, fromWhere, params, em, part, sampled);
  const few = await countUpTo(db, fromWhere, params, firstCount + 1, em);
  if (few <= firstCount) return cappedTotal(few);
  return countPastFirst(db, fromWhere, params, em, sampled);
}

/**
 * A `part` is given for a condition expected to match many rows (a common word of a search): the part nearly
 * always holds more than {@link firstCount} of them, so the estimates that follow are asked beside its count
 * rather than after it (on PostgreSQL's pool they run at once; the embedded database takes them in turn).
 */
async function countWithPart(
  db: Database,
  fromWhere: string,
  params: unknown[],
  em: Em | undefined,
  part: NonNullable<CountShortcuts['part']>,
  sampled: string | undefined,
): Promise<CappedTotal> {
  const [inPart, planned, sample] = await Promise.all([
    countUpTo(db, part.fromWhere, part.params, firstCount + 1, em),
    plannedRows(db, fromWhere, params, em),
    sampled ? sampledRows(db, sampled, params, em) : 0,
  ]);
  if (inPart <= firstCount) {
    const few = await countUpTo(db, fromWhere, params, firstCount + 1, em);
    if (few <= firstCount) return cappedTotal(few);
  }
  return countPastFirst(db, fromWhere, params, em, sampled, { planned, sample });
}

/**
 * Past {@link firstCount}: the planner's estimate, then the sample (each asked here unless `known`), then a count
 * up to the cap.
 */
async function countPastFirst(
  db: Database,
  fromWhere: string,
  params: unknown[],
  em: Em | undefined,
  sampled: string | undefined,
  known?: { planned: number; sample: number },
): Promise<CappedTotal> {
  const planned = known ? known.planned : await plannedRows(db, fromWhere, params, em);
  if (planned >= trustedEstimate) return cappedTotal(countCap + 1);
  const sample = known ? known.sample : sampled ? await sampledRows(db, sampled, params, em) : 0;
  if (sample >= trustedEstimate) return cappedTotal(countCap + 1);
  return cappedTotal(await countUpTo(db, fromWhere, params, countCap + 1, em));
}

async function sampledRows(db: Database, sampled: string, params: unknown[], em?: Em): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(`select count(*) as n ${sampled}`, params, em);
  return Number(row?.n ?? 0) * (100 / samplePercent);
}

async function countUpTo(db: Database, fromWhere: string, params: unknown[], limit: number, em?: Em) {
  const [row] = await db.query<{ n: string | number }>(
    `select count(*) as n from (select 1 ${fromWhere} limit ${limit}) capped`,
    params,
    em,
  );
  return Number(row?.n ?? 0);
}

/** How many rows the planner expects `from … where …` to match (from the table's statistics; nothing is read). */
async function plannedRows(db: Database, fromWhere: string, params: unknown[], em?: Em): Promise<number> {
  const [row] = await db.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) select 1 ${fromWhere}`,
    params,
    em,
  );
  const plan = typeof row?.['QUERY PLAN'] === 'string' ? JSON.parse(row['QUERY PLAN']) : row?.['QUERY PLAN'];
  const rows = (plan as { Plan?: { 'Plan Rows'?: number } }[] | undefined)?.[0]?.Plan?.['Plan Rows'];
  return typeof rows === 'number' ? rows : 0;
}

export const cappedTotal = (counted: number): CappedTotal =>
  counted > countCap ? { total: countCap, totalCapped: true } : { total: counted, totalCapped: false };
