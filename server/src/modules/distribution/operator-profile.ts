import type { Database, Em } from '../../db/database.js';
import { fromPgArray } from '../../db/pg-array.js';

export type OperatorStatus = 'online' | 'away' | 'offline';

export interface OperatorProfile {
  userId: string;
  status: OperatorStatus;
  statusSince: string;
  /** Overrides the lines' capacity when set (1–6). */
  capacity: number | null;
  groups: string[];
  skills: string[];
  lastAssignedAt: string | null;
}

export const profileView = (row: Record<string, unknown>): OperatorProfile => ({
  userId: String(row.user_id),
  status: row.status as OperatorStatus,
  statusSince: new Date(row.status_since as string).toISOString(),
  capacity: row.capacity == null ? null : Number(row.capacity),
  groups: fromPgArray(row.groups),
  skills: fromPgArray(row.skills),
  lastAssignedAt:
    row.last_assigned_at == null ? null : new Date(row.last_assigned_at as string).toISOString(),
});

/** A staff user's profile, made (offline, no groups) the first time anyone asks. */
export async function ensureProfile(
  db: Database,
  userId: string,
  now: Date,
  em?: Em,
): Promise<OperatorProfile> {
  await db.query(
    `insert into operator_profile (user_id, status_since, updated_at) values (?, ?, ?) on conflict do nothing`,
    [userId, now, now],
    em,
  );
  const [row] = await db.query<Record<string, unknown>>(
    'select * from operator_profile where user_id = ?',
    [userId],
    em,
  );
  return profileView(row!);
}
