import type { Database, Em } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import type { Actor } from '../auth/actor.js';
import { ensureProfile } from './operator-profile.js';
import type { PublishedLines } from './published-lines.js';
import { serves } from './serving.js';

/**
 * The lines whose queue a user sees in «На команде»: those they serve; supervisors and admins see every line.
 * Dialogs no line took (no lines published yet) are everyone's.
 */
export async function servedLineKeys(
  deps: { db: Database; lines: PublishedLines },
  actor: Pick<Actor, 'id' | 'roles'>,
  now: Date,
  em?: Em,
): Promise<string[]> {
  const lines = await deps.lines.all(em);
  if (actor.roles.some((role) => role === 'supervisor' || role === 'admin')) return lines.map((l) => l.key);
  const profile = await ensureProfile(deps.db, actor.id, now, em);
  return lines.filter((line) => !line.body.botOnly && serves(profile, line.body)).map((line) => line.key);
}

/** How many dialogs are «На мне» (open, held by the user) and «На команде» (waiting on lines they see). */
export async function queueCounts(db: Database, userId: string, lineKeys: readonly string[]) {
  const [row] = await db.query<{ mine: string | number; team: string | number }>(
    `select
       (select count(*) from conversation where status = 'open' and handler = 'operator' and operator_id = ?) as mine,
       (select count(*) from conversation where status = 'open' and handler = 'queue' and message_count > 0
          and (line_key is null or line_key = any(?::text[]))) as team`,
    [userId, toPgArray(lineKeys)],
  );
  return { mine: Number(row?.mine ?? 0), team: Number(row?.team ?? 0) };
}
