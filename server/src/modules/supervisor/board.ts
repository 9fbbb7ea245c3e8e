import type { BoardLine, BoardOperator, SupervisorBoard } from '@opora/sdk';
import { type Clock, dateOf } from '../../adapters/clock.js';
import type { Database } from '../../db/database.js';
import { fromPgArray } from '../../db/pg-array.js';
import type { PublishedLines } from '../distribution/published-lines.js';
import { capacityFor, serves } from '../distribution/serving.js';
import { csatSince } from './board-csat.js';
import { boardDialogs } from './board-dialogs.js';
import { dayStart } from './day-start.js';
import { firstResponseMissed, resolutionMissed, targetsParam, targetsTable } from './sla-targets.js';

export interface BoardDeps {
  db: Database;
  clock: Clock;
  lines: PublishedLines;
  timeZone: string;
}

/** Dialogs listed per line; the counts are always whole. */
export const dialogsPerLine = 200;

/** Staff at work (online or away) with their load: whom the board shows and a dialog may be given to. */
async function staffAtWork(db: Database) {
  const rows = await db.query<Record<string, unknown>>(
    `select u.id, u.name, p.status, p.capacity, p.groups, p.skills,
        (select count(*) from conversation c
          where c.operator_id = u.id and c.status = 'open' and c.handler = 'operator') as load
       from operator_profile p join app_user u on u.id = p.user_id and u.active
      where p.status in ('online', 'away')
      order by case p.status when 'online' then 0 else 1 end, u.name
      limit 500`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    status: row.status as BoardOperator['status'],
    capacity: row.capacity == null ? null : Number(row.capacity),
    groups: fromPgArray(row.groups),
    skills: fromPgArray(row.skills),
    load: Number(row.load),
  }));
}

/**
 * The supervisor's board: per published line its queue, its dialogs in progress with their SLA state, the
 * operators at work who serve it and today's ratings. A handful of grouped statements, whatever the lines.
 */
export async function supervisorBoard(deps: BoardDeps): Promise<SupervisorBoard> {
  const { db } = deps;
  const now = dateOf(deps.clock);
  // In the order the designer gives lines (the same order routing tries them), then by key. Bot-only lines too:
  // their dialogs are the bot's, and a supervisor may join one.
  const lines = [...(await deps.lines.all())].sort(
    (a, b) => a.body.order - b.body.order || a.key.localeCompare(b.key),
  );
  const targets = targetsParam(lines);
  const start = await dayStart(db, now, deps.timeZone);
  const counts = await db.query<Record<string, unknown>>(
    `select c.line_key,
        count(*) filter (where c.handler = 'queue') as waiting,
        min(c.queued_at) filter (where c.handler = 'queue') as oldest,
        count(*) filter (where c.handler = 'operator') as in_progress,
        count(*) filter (where c.handler = 'bot') as with_bot,
        count(*) filter (where c.handler <> 'bot'
          and (${firstResponseMissed('?::timestamptz')} or ${resolutionMissed('?::timestamptz')})) as breaches
       from conversation c join ${targetsTable} on t.key = c.line_key
      where c.status = 'open' and c.handler in ('queue', 'operator', 'bot')
      group by c.line_key`,
    [now, now, targets],
  );
  const byLine = new Map(counts.map((row) => [String(row.line_key), row]));
  const dialogs = await boardDialogs(db, targets, now, dialogsPerLine);
  const staff = await staffAtWork(db);
  const csat = await csatSince(db, start, new Date(now.getTime() + 1));
  const board: BoardLine[] = lines.map((line) => {
    const row = byLine.get(line.key);
    const oldest = row?.oldest == null ? null : new Date(row.oldest as string);
    const botOnly = Boolean(line.body.botOnly);
    return {
      key: line.key,
      botOnly,
      title: line.body.title,
      sla: {
        firstResponseSeconds: line.body.sla?.firstResponseSeconds ?? null,
        resolutionSeconds: line.body.sla?.resolutionSeconds ?? null,
      },
      waiting: Number(row?.waiting ?? 0),
      oldestQueuedAt: oldest?.toISOString() ?? null,
      longestWaitSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null,
      inProgress: Number(row?.in_progress ?? 0),
      withBot: Number(row?.with_bot ?? 0),
      breaches: Number(row?.breaches ?? 0),
      dialogs: dialogs.get(line.key) ?? [],
      operators: staff
        .filter((member) => !botOnly && serves(member, line.body))
        .map((member) => ({
          id: member.id,
          name: member.name,
          status: member.status,
          load: member.load,
          capacity: capacityFor(member, line.body),
        })),
      csat: csat.lines.get(line.key) ?? { average: null, count: 0 },
    };
  });
  return {
    now: now.toISOString(),
    dayStart: start.toISOString(),
    timeZone: deps.timeZone,
    dialogsLimit: dialogsPerLine,
    lines: board,
    operatorsCsat: csat.operators.slice(0, 200),
    csat: csat.total,
  };
}
