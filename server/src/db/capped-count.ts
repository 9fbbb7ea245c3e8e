import type { Database, Em } from './database.js';

/** Past this many matches a list says «более 10 000» instead of counting on: counting costs as much as reading. */
export const countCap = 10_000;

export interface CappedTotal {
  /** The exact count up to the cap; the cap itself beyond it. */
  total: number;
  /** Whether more rows match than {@link countCap}. */
  totalCapped: boolean;
}

/**
 * Counts the rows a list's `from … where …` matches, stopping one past the cap, so a page of a million-row
 * table costs at most cap + 1 index entries rather than the whole filtered table.
 */
export async function cappedCount(
  db: Database,
  fromWhere: string,
  params: unknown[],
  em?: Em,
): Promise<CappedTotal> {
  const [row] = await db.query<{ n: string | number }>(
    `select count(*) as n from (select 1 ${fromWhere} limit ${countCap + 1}) capped`,
    params,
    em,
  );
  return cappedTotal(Number(row?.n ?? 0));
}

export const cappedTotal = (counted: number): CappedTotal =>
  counted > countCap ? { total: countCap, totalCapped: true } : { total: counted, totalCapped: false };
