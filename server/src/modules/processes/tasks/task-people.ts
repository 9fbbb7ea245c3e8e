import type { Database, Em } from '../../../db/database.js';
import { fromPgArray } from '../../../db/pg-array.js';
import type { Actor } from '../../auth/actor.js';
import type { PublishedLines } from '../../distribution/published-lines.js';
import { serves } from '../../distribution/serving.js';
import type { TaskRow } from './task-rows.js';

/** Who a task's caller is, as the inbox matches assignees: their id, roles and the lines they serve. */
export interface TaskCaller {
  id: string;
  roles: readonly string[];
  lines: readonly string[];
  /** Supervisors and admins see the team's inbox and may decide any task. */
  oversees: boolean;
  /** Only tasks of these kinds are theirs (a client's: forms and revisions, never approvals). */
  kinds?: readonly TaskRow['kind'][];
}

/** Lines an operator works on: the published lines their profile serves (groups and skills). */
async function servedLines(
  deps: { db: Database; lines: PublishedLines },
  actor: Pick<Actor, 'id' | 'roles'>,
  tx?: Em,
): Promise<string[]> {
  if (!actor.roles.includes('operator')) return [];
  const [profile] = await deps.db.query<{ groups: unknown; skills: unknown }>(
    'select groups, skills from operator_profile where user_id = ?',
    [actor.id],
    tx,
  );
  const mine = {
    groups: fromPgArray(profile?.groups ?? '{}'),
    skills: fromPgArray(profile?.skills ?? '{}'),
    capacity: null,
  };
  const lines = await deps.lines.all(tx);
  return lines.filter((line) => !line.body.botOnly && serves(mine, line.body)).map((line) => line.key);
}

export async function taskCaller(
  deps: { db: Database; lines: PublishedLines },
  actor: Actor,
  tx?: Em,
  /** Whether the lines they serve matter (only a line's task asks): reading them costs statements. */
  withLines = true,
): Promise<TaskCaller> {
  return {
    id: actor.id,
    roles: actor.roles,
    lines: withLines ? await servedLines(deps, actor, tx) : [],
    oversees: actor.roles.some((role) => role === 'supervisor' || role === 'admin'),
  };
}

/** Whether the task is the caller's: assigned to them, to a role of theirs or a line they serve, or taken by them. */
export function isAssignedTo(row: TaskRow, caller: TaskCaller): boolean {
  if (row.claimed_by === caller.id) return true;
  if (row.assignee_kind === 'user') return row.assignee_value === caller.id;
  if (row.assignee_kind === 'role') return caller.roles.includes(row.assignee_value);
  return caller.lines.includes(row.assignee_value);
}

/** Whether the caller may work on the task (take it, decide it, pass it on): theirs, or they oversee. */
export const mayWork = (row: TaskRow, caller: TaskCaller) => caller.oversees || isAssignedTo(row, caller);
