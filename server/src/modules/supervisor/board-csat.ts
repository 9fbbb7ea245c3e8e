import type { CsatToday } from '@opora/sdk';
import type { Database } from '../../db/database.js';

const today = (row: { n: unknown; average: unknown } | undefined): CsatToday => {
  const count = Number(row?.n ?? 0);
  return { count, average: count ? Math.round(Number(row!.average) * 100) / 100 : null };
};

/**
 * Ratings given in `[from, to)`, per line and per operator (grouping sets: one statement). A rating stays with the
 * line and operator it was given for, even if the dialog moved on since.
 */
export async function csatSince(db: Database, from: Date, to: Date) {
  const rows = await db.query<{
    line_key: string | null;
    operator_id: string | null;
    name: string | null;
    by_line: number | boolean;
    by_operator: number | boolean;
    n: unknown;
    average: unknown;
  }>(
    `select s.line_key, s.operator_id, min(u.name) as name, grouping(s.line_key) = 0 as by_line,
        grouping(s.operator_id) = 0 as by_operator, count(*) as n, avg(s.score) as average
       from csat s left join app_user u on u.id = s.operator_id
      where s.score is not null and s.rated_at >= ? and s.rated_at < ?
      group by grouping sets ((s.line_key), (s.operator_id), ())`,
    [from, to],
  );
  const lines = new Map<string, CsatToday>();
  const operators: (CsatToday & { id: string; name: string })[] = [];
  let total = today(undefined);
  for (const row of rows) {
    if (row.by_line && row.line_key) lines.set(row.line_key, today(row));
    else if (row.by_operator && row.operator_id)
      operators.push({ id: row.operator_id, name: row.name ?? '—', ...today(row) });
    else if (!row.by_line && !row.by_operator) total = today(row);
  }
  operators.sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || b.count - a.count);
  return { lines, operators, total };
}
