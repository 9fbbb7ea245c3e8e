import type { Database } from '../../db/database.js';
import { fromPgArray } from '../../db/pg-array.js';

/** Active staff who work with dialogs, online first, with their status and how many dialogs they lead. */
export async function staffList(db: Database) {
  const rows = await db.query<Record<string, unknown>>(
    `select u.id, u.name, coalesce(p.status, 'offline') as status, p.capacity, p.groups, p.skills,
       (select count(*) from conversation c
         where c.operator_id = u.id and c.status = 'open' and c.handler = 'operator') as load
       from app_user u left join operator_profile p on p.user_id = u.id
      where u.active and u.roles && array['operator', 'supervisor', 'admin']::text[]
      order by case coalesce(p.status, 'offline') when 'online' then 0 when 'away' then 1 else 2 end, u.name
      limit 500`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    status: row.status as 'online' | 'away' | 'offline',
    load: Number(row.load),
    capacity: row.capacity == null ? null : Number(row.capacity),
    groups: fromPgArray(row.groups),
    skills: fromPgArray(row.skills),
  }));
}
