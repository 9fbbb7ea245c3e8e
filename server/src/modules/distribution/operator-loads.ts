import type { Database, Em } from '../../db/database.js';
import { fromPgArray } from '../../db/pg-array.js';
import type { ServingProfile } from './serving.js';

export interface OperatorLoad extends ServingProfile {
  id: string;
  status: 'online' | 'away' | 'offline';
  /** Open dialogs the operator holds now. */
  load: number;
  /** Since when they have had no new dialog (ties in the queue go to the longest idle). */
  idleSince: number;
}

const loadRow = (row: Record<string, unknown>): OperatorLoad => ({
  id: String(row.user_id),
  status: row.status as OperatorLoad['status'],
  capacity: row.capacity == null ? null : Number(row.capacity),
  groups: fromPgArray(row.groups),
  skills: fromPgArray(row.skills),
  load: Number(row.load),
  idleSince: new Date(row.idle_since as string).getTime(),
});

const loadsSql = `select p.user_id, p.status, p.capacity, p.groups, p.skills,
    coalesce(p.last_assigned_at, p.status_since) as idle_since,
    (select count(*) from conversation c
      where c.operator_id = p.user_id and c.status = 'open' and c.handler = 'operator') as load
   from operator_profile p join app_user u on u.id = p.user_id and u.active`;

/** Every online operator with their load: what a distribution pass chooses from. */
export async function onlineOperators(db: Database, tx: Em): Promise<OperatorLoad[]> {
  const rows = await db.query<Record<string, unknown>>(`${loadsSql} where p.status = 'online'`, [], tx);
  return rows.map(loadRow);
}

/** One operator's profile and load, or null when they have no profile (never worked dialogs). */
export async function operatorLoad(db: Database, tx: Em, userId: string): Promise<OperatorLoad | null> {
  const [row] = await db.query<Record<string, unknown>>(`${loadsSql} where p.user_id = ?`, [userId], tx);
  return row ? loadRow(row) : null;
}
