import type { WorkingHours } from '../definitions/line/schema.js';
import { addDays, isKnownTimeZone, isoDate, type LocalDate, wallClock, zonedInstant } from './zoned-time.js';

export interface LineOpening {
  open: boolean;
  /** When the line opens next (null while open, or when it never opens within the next two weeks). */
  resumesAt: Date | null;
}

/** How far ahead the next opening is looked for: two weeks covers any week with holidays in it. */
export const resumeSearchDays = 14;

/** '09:30' as minutes after midnight; '24:00' is 1440, the end of the day. */
export const clockMinutes = (time: string): number => {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
};

/** The zone hours are read in: the line's own, or UTC for a zone Intl does not know (refused on publish). */
const zoneOf = (hours: WorkingHours): string => (isKnownTimeZone(hours.timeZone) ? hours.timeZone : 'UTC');

/** The day's intervals as minutes, earliest first; none on a holiday. */
function intervalsOn(hours: WorkingHours, date: LocalDate): { from: number; to: number }[] {
  if (hours.holidays?.includes(isoDate(date))) return [];
  return hours.week
    .filter((interval) => interval.day === date.weekday)
    .map((interval) => ({ from: clockMinutes(interval.from), to: clockMinutes(interval.to) }))
    .sort((a, b) => a.from - b.from);
}

/**
 * Whether a line works at `at`, and when it opens next. Hours are weekly intervals on the line's zone clock
 * (`to` exclusive, '24:00' the end of the day; a night shift is two intervals either side of midnight); a
 * holiday is a whole date off on that clock. Daylight-saving jumps follow the clock: an opening at a time the clock
 * skips happens at the jump. A line without hours is always open.
 */
export function lineOpenAt(hours: WorkingHours | undefined, at: Date): LineOpening {
  if (!hours) return { open: true, resumesAt: null };
  const zone = zoneOf(hours);
  const now = wallClock(zone, at);
  const minute = now.second / 60;
  if (intervalsOn(hours, now).some((i) => i.from <= minute && minute < i.to))
    return { open: true, resumesAt: null };
  for (let day = 0; day <= resumeSearchDays; day++) {
    const date = addDays(now, day);
    for (const interval of intervalsOn(hours, date)) {
      if (interval.to <= interval.from) continue;
      const opens = zonedInstant(zone, date, interval.from);
      if (opens.getTime() > at.getTime()) return { open: false, resumesAt: opens };
    }
  }
  return { open: false, resumesAt: null };
}
