import type { SlaBreach, SlaBreachPage } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import type { PublishedLines } from '../distribution/published-lines.js';
import { dayStart } from './day-start.js';
import { firstResponseDue, resolutionDue, staffedLines, targetsParam, targetsTable } from './sla-targets.js';

/**
 * Today's missed targets, newest first: a dialog whose first answer (or resolution) fell due today and came late
 * or not yet — open or since closed. A dialog missing both is listed twice, once per target.
 */
export async function todaysBreaches(
  deps: { db: Database; clock: Clock; lines: PublishedLines; timeZone: string },
  page: { limit: number; offset: number },
): Promise<SlaBreachPage> {
  const { db } = deps;
  const now = dateOf(deps.clock);
  const start = await dayStart(db, now, deps.timeZone);
  const targets = targetsParam(staffedLines(await deps.lines.all()));
  // A dialog closed before today cannot have missed anything today; open ones may have fallen due any time. Each
  // half reads through its own partial index (open dialogs; dialogs closed since a moment).
  const rows = await db.query<Record<string, unknown>>(
    `with scoped as (
        select * from conversation where status = 'open' and handler <> 'bot'
        union all
        select * from conversation where status = 'closed' and closed_at >= ? and handler <> 'bot'),
      b as (
        select c.id, c.line_key, c.status, c.channel, c.operator_id, c.contact_id,
          'first_response' as kind, ${firstResponseDue} as due, coalesce(c.first_response_at, c.closed_at) as met
          from scoped c join ${targetsTable} on t.key = c.line_key
         where t.fr is not null
        union all
        select c.id, c.line_key, c.status, c.channel, c.operator_id, c.contact_id,
          'resolution' as kind, ${resolutionDue} as due, c.closed_at as met
          from scoped c join ${targetsTable} on t.key = c.line_key
         where t.res is not null)
     select b.*, k.display_name, k.email, k.phone, u.name as operator_name
       from b join contact k on k.id = b.contact_id left join app_user u on u.id = b.operator_id
      where b.due >= ? and b.due < ? and b.due < coalesce(b.met, ?)
      order by b.due desc, b.id, b.kind
      limit ? offset ?`,
    [start, targets, targets, start, now, now, page.limit + 1, page.offset],
  );
  const items = rows.slice(0, page.limit).map(
    (row): SlaBreach => ({
      conversationId: String(row.id),
      lineKey: String(row.line_key),
      kind: row.kind as SlaBreach['kind'],
      dueAt: new Date(row.due as string).toISOString(),
      status: row.status as SlaBreach['status'],
      clientName: (row.display_name ?? row.email ?? row.phone ?? null) as string | null,
      channel: row.channel as SlaBreach['channel'],
      operatorId: row.operator_id == null ? null : String(row.operator_id),
      operatorName: row.operator_name == null ? null : String(row.operator_name),
    }),
  );
  return { items, hasMore: rows.length > page.limit, limit: page.limit, offset: page.offset };
}
