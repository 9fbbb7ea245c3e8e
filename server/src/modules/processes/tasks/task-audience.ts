import type { TaskAssignee } from '@opora/runtime/processes';
import { liveAddress } from '../../../adapters/live-hub/live-address.js';
import type { Database, Em } from '../../../db/database.js';
import { fromPgArray } from '../../../db/pg-array.js';
import type { PublishedLines } from '../../distribution/published-lines.js';
import { serves } from '../../distribution/serving.js';

/** The most people one task's notice goes to (a role held by a whole company is told through its live room). */
const maxPeople = 500;

/** Active staff users holding a role. */
async function roleHolders(db: Database, tx: Em | undefined, role: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from app_user where active and ? = any(roles) and not ('client' = any(roles)) order by id limit ?`,
    [role, maxPeople],
    tx,
  );
  return rows.map((r) => r.id);
}

/** Operators who serve a line (its groups and skills, as distribution decides), active. */
async function lineServers(
  db: Database,
  lines: PublishedLines,
  tx: Em | undefined,
  key: string,
): Promise<string[]> {
  const line = await lines.get(key, tx);
  if (!line) return [];
  const rows = await db.query<{ id: string; groups: unknown; skills: unknown }>(
    `select u.id, p.groups, p.skills from app_user u join operator_profile p on p.user_id = u.id
      where u.active and 'operator' = any(u.roles) order by u.id limit ?`,
    [maxPeople * 4],
    tx,
  );
  return rows
    .filter((r) =>
      serves({ groups: fromPgArray(r.groups), skills: fromPgArray(r.skills), capacity: null }, line.body),
    )
    .map((r) => r.id)
    .slice(0, maxPeople);
}

/** The people a task of this assignee is for: the user, the role's holders, the line's operators. */
export async function assigneePeople(
  deps: { db: Database; lines: PublishedLines },
  tx: Em | undefined,
  assignee: TaskAssignee,
): Promise<string[]> {
  if (assignee.kind === 'user') {
    const [row] = await deps.db.query<{ id: string }>(
      `select id from app_user where active and id::text = ?`,
      [assignee.value],
      tx,
    );
    return row ? [row.id] : [];
  }
  if (assignee.kind === 'role') return roleHolders(deps.db, tx, assignee.value);
  return lineServers(deps.db, deps.lines, tx, assignee.value);
}

/**
 * Live addresses whose inboxes a task of this assignee is in: the user, the role's room (its holders' staff
 * sockets listen there), the line's room (its operators'), and the supervisors' room (the team's inbox).
 */
export async function inboxAddresses(
  deps: { db: Database; lines: PublishedLines },
  tx: Em | undefined,
  assignee: TaskAssignee,
  also: readonly (string | null)[] = [],
): Promise<string[]> {
  const people =
    assignee.kind === 'line'
      ? [liveAddress.line(assignee.value)]
      : assignee.kind === 'role'
        ? [liveAddress.role(assignee.value)]
        : (await assigneePeople(deps, tx, assignee)).map(liveAddress.user);
  for (const id of also) if (id) people.push(liveAddress.user(id));
  return [...people, liveAddress.supervisors];
}
