import { type Clock, dateOf } from '../../adapters/clock.js';
import type { LiveHub } from '../../adapters/live-hub/live-hub.js';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import { audit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { signalBoard } from '../supervisor/board-signal.js';
import { requestDistribution } from './distribution-signal.js';
import { ensureProfile, type OperatorProfile, type OperatorStatus, profileView } from './operator-profile.js';

/**
 * Sets an operator's status. By hand it always applies; `auto` (the screen saw no activity, or activity again)
 * only moves online → away and back from such an automatic away, never overriding a status chosen by hand.
 * Going online wakes distribution: the operator may get waiting dialogs at once.
 */
export async function setOperatorStatus(
  deps: { db: Database; clock: Clock; hub?: LiveHub },
  userId: string,
  status: OperatorStatus,
  auto: boolean,
): Promise<OperatorProfile> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const now = dateOf(deps.clock);
    const before = await ensureProfile(db, userId, now, tx);
    const [row] = await db.query<Record<string, unknown>>(
      `update operator_profile set status = ?, status_auto = ?, status_since = ?, updated_at = ?
        where user_id = ? and status <> ?
          and (not ? or (? = 'away' and status = 'online') or (? = 'online' and status = 'away' and status_auto))
        returning *`,
      [status, auto, now, now, userId, status, auto, status, status],
      tx,
    );
    if (!row) return before;
    if (status === 'online') await requestDistribution(db, tx);
    await signalBoard(deps.hub, tx);
    return profileView(row);
  });
}

export interface ProfileChange {
  capacity?: number | null;
  groups?: string[];
  skills?: string[];
}

/**
 * A supervisor or admin sets who serves what: capacity, groups, skills. Dialogs an operator already leads stay
 * theirs; new ones follow the new profile. More room or new lines wake distribution.
 */
export async function updateOperatorProfile(
  deps: { db: Database; clock: Clock; hub?: LiveHub },
  userId: string,
  change: ProfileChange,
  actor: Actor,
): Promise<OperatorProfile> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const now = dateOf(deps.clock);
    const [user] = await db.query('select 1 from app_user where id = ?', [userId], tx);
    if (!user) throw fail.notFound('user');
    const before = await ensureProfile(db, userId, now, tx);
    const [row] = await db.query<Record<string, unknown>>(
      `update operator_profile set capacity = ?, groups = ?::text[], skills = ?::text[], updated_at = ?
        where user_id = ? returning *`,
      [
        change.capacity === undefined ? before.capacity : change.capacity,
        toPgArray(change.groups ?? before.groups),
        toPgArray(change.skills ?? before.skills),
        now,
        userId,
      ],
      tx,
    );
    const after = profileView(row!);
    audit(tx, actor, {
      action: 'update',
      targetType: 'user',
      targetId: userId,
      before: { capacity: before.capacity, groups: before.groups, skills: before.skills },
      after: { capacity: after.capacity, groups: after.groups, skills: after.skills },
      at: now,
    });
    await signalBoard(deps.hub, tx);
    await requestDistribution(db, tx);
    return after;
  });
}
