import type { BoardDialog } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { targetsTable } from './sla-targets.js';

const iso = (value: unknown) => new Date(value as string | Date).toISOString();
const isoOrNull = (value: unknown) => (value == null ? null : iso(value));
const due = (from: unknown, seconds: unknown) =>
  from == null || seconds == null
    ? null
    : new Date(new Date(from as string).getTime() + Number(seconds) * 1000);

/**
 * The open dialogs of the lines, at most `limit` per line: waiting ones first in queue order, then those in
 * progress, then those still with the line's bot, oldest first (a window function numbers them per line, so it is
 * one statement for every line). A dialog with the bot has no SLA state yet: its time with the bot does not count.
 */
export async function boardDialogs(
  db: Database,
  targets: string,
  now: Date,
  limit: number,
): Promise<Map<string, BoardDialog[]>> {
  const rows = await db.query<Record<string, unknown>>(
    `select d.*, k.display_name, k.email, k.phone, u.name as operator_name
       from (select c.id, c.line_key, c.channel, c.handler, c.operator_id, c.contact_id, c.queued_at,
               c.assigned_at, c.opened_at, c.first_response_at, t.fr, t.res,
               row_number() over (partition by c.line_key
                 order by case c.handler when 'queue' then 0 when 'operator' then 1 else 2 end, c.priority desc,
                   coalesce(c.queued_at, c.opened_at), c.id) as n
              from conversation c join ${targetsTable} on t.key = c.line_key
             where c.status = 'open' and c.handler in ('queue', 'operator', 'bot')) d
       join contact k on k.id = d.contact_id
       left join app_user u on u.id = d.operator_id
      where d.n <= ?
      order by d.line_key, d.n`,
    [targets, limit],
  );
  const byLine = new Map<string, BoardDialog[]>();
  for (const row of rows) {
    const withBot = row.handler === 'bot';
    const firstResponseDue =
      row.first_response_at || withBot ? null : due(row.queued_at ?? row.opened_at, row.fr);
    const resolutionDue = withBot ? null : due(row.opened_at, row.res);
    const past = (at: Date | null) => at !== null && at.getTime() < now.getTime();
    const dialog: BoardDialog = {
      id: String(row.id),
      clientName: (row.display_name ?? row.email ?? row.phone ?? null) as string | null,
      channel: row.channel as BoardDialog['channel'],
      handler: row.handler as BoardDialog['handler'],
      operatorId: row.operator_id == null ? null : String(row.operator_id),
      operatorName: row.operator_name == null ? null : String(row.operator_name),
      since: iso(
        row.handler === 'operator' ? (row.assigned_at ?? row.opened_at) : (row.queued_at ?? row.opened_at),
      ),
      queuedAt: isoOrNull(row.queued_at),
      openedAt: iso(row.opened_at),
      firstResponseAt: isoOrNull(row.first_response_at),
      firstResponseDue: firstResponseDue?.toISOString() ?? null,
      resolutionDue: resolutionDue?.toISOString() ?? null,
      breach: past(firstResponseDue) ? 'first_response' : past(resolutionDue) ? 'resolution' : null,
    };
    const key = String(row.line_key);
    const list = byLine.get(key) ?? [];
    list.push(dialog);
    byLine.set(key, list);
  }
  return byLine;
}
