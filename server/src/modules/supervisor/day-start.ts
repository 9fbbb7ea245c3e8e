import type { Database } from '../../db/database.js';

/** Midnight of `now`'s day in the organisation's time zone (what "today" means on the board). */
export async function dayStart(db: Database, now: Date, timeZone: string): Promise<Date> {
  const [row] = await db.query<{ start: string | Date }>(
    `select (date_trunc('day', ?::timestamptz at time zone ?) at time zone ?) as start`,
    [now, timeZone, timeZone],
  );
  return new Date(row!.start);
}
