/**
 * Wall-clock time in an IANA time zone with nothing but Intl (no time-zone library): what a clock in the zone shows
 * at an instant, and the instant a wall-clock time happens, across daylight-saving jumps.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an unknown one throws RangeError there). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A calendar date in a zone. `weekday` is ISO: 1 Monday … 7 Sunday. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

export interface WallClock extends LocalDate {
  /** Seconds since the local midnight. */
  second: number;
}

/** The wall clock as milliseconds of a UTC calendar (the zone's reading written as if it were UTC). */
function wallMs(timeZone: string, at: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  // Some engines write midnight as 24 even with h23.
  const hour = parts.hour === 24 ? 0 : parts.hour!;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, hour, parts.minute!, parts.second!);
}

/** The date and time a clock in the zone shows at `at`. */
export function wallClock(timeZone: string, at: Date): WallClock {
  const wall = wallMs(timeZone, at.getTime());
  const midnight = Math.floor(wall / 86_400_000) * 86_400_000;
  return { ...dateOfUtcMs(midnight), second: (wall - midnight) / 1000 };
}

function dateOfUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() || 7,
  };
}

/** The calendar date `days` after `date`. */
export const addDays = (date: LocalDate, days: number): LocalDate =>
  dateOfUtcMs(Date.UTC(date.year, date.month - 1, date.day + days));

/** ISO form of a date, as holidays are written: 2026-01-07. */
export const isoDate = (date: LocalDate): string =>
  `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

/**
 * The first instant the zone's clock reads `minute` (minutes after midnight) on `date` or later: when the time
 * happens twice (clocks turned back) the earlier one; when it is skipped (clocks turned forward) the moment of
 * the jump, when the clock already reads past it.
 */
export function zonedInstant(timeZone: string, date: LocalDate, minute: number): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  // Offsets a few hours either side cover every zone (UTC−12…+14) and any jump between them.
  const offsets = new Set([wall - 14 * 3_600_000, wall + 14 * 3_600_000].map((t) => wallMs(timeZone, t) - t));
  const exact = [...offsets].map((o) => wall - o).filter((t) => wallMs(timeZone, t) === wall);
  if (exact.length) return new Date(Math.min(...exact));
  if (offsets.size < 2) return new Date(wall - [...offsets][0]!);
  // Skipped: search between an instant whose clock reads earlier and one whose clock reads later, to the second.
  let [lo, hi] = [...offsets].map((o) => wall - o).sort((a, b) => a - b) as [number, number];
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (wallMs(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
