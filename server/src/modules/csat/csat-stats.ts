import type { Database } from '../../db/database.js';

export interface CsatFilter {
  from?: string;
  to?: string;
  line?: string;
  operator?: string;
}

export interface CsatStats {
  count: number;
  /** Mean score, two decimals; null when nothing was rated. */
  average: number | null;
  /** How many ratings of each score, `"1"`…`"5"`. */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Dialogs whose client was asked in the period, rated or not (the response rate's denominator). */
  asked: number;
}

/** Ratings given in `[from, to)` (by when the client rated), optionally of one line and/or one operator. */
export async function csatStats(db: Database, filter: CsatFilter): Promise<CsatStats> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.line) add('line_key = ?', filter.line);
  if (filter.operator) add('operator_id = ?', filter.operator);
  const scoped = where.length ? `and ${where.join(' and ')}` : '';
  const period = (column: string) => {
    const parts: string[] = [];
    const values: unknown[] = [];
    if (filter.from) {
      parts.push(`${column} >= ?`);
      values.push(filter.from);
    }
    if (filter.to) {
      parts.push(`${column} < ?`);
      values.push(filter.to);
    }
    return { sql: parts.length ? `and ${parts.join(' and ')}` : '', values };
  };
  const rated = period('rated_at');
  const rows = await db.query<{ score: number; n: string | number }>(
    `select score, count(*) as n from csat where score is not null ${scoped} ${rated.sql} group by score`,
    [...params, ...rated.values],
  );
  const asked = period('asked_at');
  const [askedRow] = await db.query<{ n: string | number }>(
    `select count(*) as n from csat where true ${scoped} ${asked.sql}`,
    [...params, ...asked.values],
  );
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const row of rows) {
    const n = Number(row.n);
    distribution[String(row.score) as keyof typeof distribution] = n;
    count += n;
    sum += n * Number(row.score);
  }
  return {
    count,
    average: count ? Math.round((sum / count) * 100) / 100 : null,
    distribution,
    asked: Number(askedRow?.n ?? 0),
  };
}
