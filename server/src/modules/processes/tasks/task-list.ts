import type { Em } from '../../../db/database.js';
import { containsPattern } from '../../../db/escape-like.js';
import { toPgArray } from '../../../db/pg-array.js';
import { fail } from '../../../http/app-error.js';
import { dayStart } from '../../supervisor/day-start.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import type { TaskDeps } from './task-deps.js';
import type { TaskCaller } from './task-people.js';
import { type TaskRow, taskSelect } from './task-rows.js';
import { type TaskView, taskView } from './task-view.js';

export interface TaskQuery {
  scope?: 'mine' | 'team';
  status?: 'open' | 'done';
  overdue?: '1' | '0';
  process?: string;
  q?: string;
  limit?: number;
  after?: string;
}

interface Where {
  sql: string[];
  params: unknown[];
}

/** Tasks of the caller ("mine": theirs, their roles', their lines', taken or decided by them) or everyone's ("team"). */
function scopeOf(scope: 'mine' | 'team', caller: TaskCaller, done: boolean): Where {
  if (scope === 'team') return { sql: [], params: [] };
  const decided = done ? ' or t.completed_by = ?' : '';
  const kinds = caller.kinds ? [`t.kind = any(?::text[])`] : [];
  return {
    sql: [
      `(t.claimed_by = ? or (t.assignee_kind = 'user' and t.assignee_value = ?)
        or (t.assignee_kind = 'role' and t.assignee_value = any(?::text[]))
        or (t.assignee_kind = 'line' and t.assignee_value = any(?::text[]))${decided})`,
      ...kinds,
    ],
    params: [
      caller.id,
      caller.id,
      toPgArray(caller.roles),
      toPgArray(caller.lines),
      ...(done ? [caller.id] : []),
      ...(caller.kinds ? [toPgArray(caller.kinds)] : []),
    ],
  };
}

function filtersOf(query: TaskQuery, now: Date): Where {
  const w: Where = { sql: [], params: [] };
  w.sql.push(query.status === 'done' ? `t.status <> 'open'` : `t.status = 'open'`);
  if (query.overdue === '1') {
    w.sql.push(`t.status = 'open' and t.due_at < ?`);
    w.params.push(now);
  }
  if (query.process) {
    w.sql.push('t.process_key = ?');
    w.params.push(query.process);
  }
  if (query.q) {
    const like = containsPattern(query.q);
    w.sql.push('(t.title ilike ? or t.process_key ilike ? or r.title ilike ?)');
    w.params.push(like, like, like);
  }
  return w;
}

/** After the cursor in inbox order: due date (nulls last), then creation, then id. */
function afterOf(after: string | undefined): Where {
  if (!after) return { sql: [], params: [] };
  const c = decodeTaskCursor(after);
  if (c.dueAt === null)
    return {
      sql: ['(t.due_at is null and (t.created_at, t.id) > (?::timestamptz, ?::uuid))'],
      params: [c.createdAt, c.id],
    };
  return {
    sql: ['(t.due_at is null or (t.due_at, t.created_at, t.id) > (?::timestamptz, ?::timestamptz, ?::uuid))'],
    params: [c.dueAt, c.createdAt, c.id],
  };
}

const join = (...parts: Where[]): Where => ({
  sql: parts.flatMap((p) => p.sql),
  params: parts.flatMap((p) => p.params),
});

const whereSql = (w: Where) => (w.sql.length ? `where ${w.sql.join(' and ')}` : '');

/** How many of the scope's tasks are open, past their due date, and due today (in the organisation's time zone). */
async function countsOf(deps: TaskDeps, scope: Where, now: Date, tx?: Em) {
  const start = await dayStart(deps.db, now, deps.timeZone);
  const end = new Date(start.getTime() + 86_400_000);
  const w = join(scope, { sql: [`t.status = 'open'`], params: [] });
  const [row] = await deps.db.query<{ open: number; overdue: number; due_today: number }>(
    `select count(*)::int as open, (count(*) filter (where t.due_at < ?))::int as overdue,
       (count(*) filter (where t.due_at >= ? and t.due_at < ?))::int as due_today
     from process_task t ${whereSql(w)}`,
    [now, start, end, ...w.params],
    tx,
  );
  return {
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
    dueToday: Number(row?.due_today ?? 0),
  };
}

/** One page of an inbox, with its counts. */
export async function listTasks(
  deps: TaskDeps,
  caller: TaskCaller,
  query: TaskQuery,
  now: Date,
): Promise<{
  items: TaskView[];
  nextCursor?: string;
  counts: { open: number; overdue: number; dueToday: number };
}> {
  const scopeName = query.scope ?? 'mine';
  if (scopeName === 'team' && !caller.oversees) throw fail.forbidden();
  const limit = query.limit ?? 50;
  const scope = scopeOf(scopeName, caller, query.status === 'done');
  const w = join(scope, filtersOf(query, now), afterOf(query.after));
  const rows = await deps.db.query<TaskRow>(
    `${taskSelect} ${whereSql(w)} order by (t.due_at is null), t.due_at, t.created_at, t.id limit ?`,
    [...w.params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const items = await Promise.all(page.map((row) => taskView(deps, row, now.getTime())));
  const last = page.at(-1);
  return {
    items,
    ...(rows.length > limit && last
      ? {
          nextCursor: encodeTaskCursor({
            dueAt: last.due_at === null ? null : new Date(last.due_at).toISOString(),
            createdAt: new Date(last.created_at).toISOString(),
            id: last.id,
          }),
        }
      : {}),
    counts: await countsOf(deps, scopeOf(scopeName, caller, false), now),
  };
}
