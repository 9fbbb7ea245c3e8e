/** The PostgreSQL types record filters compare as. */
export type FilterCast = 'numeric' | 'bigint' | 'date' | 'timestamptz';

const numeric = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?$/;
const bigint = /^[+-]?\d{1,18}$/;
const timestamp =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * Whether PostgreSQL takes the text as a value of the type: the same forms it reads (a plain or exponent number,
 * an ISO date and time with an offset), checked here so a filter it would refuse is the caller's 400, not our 500.
 * `Number` and `Date.parse` accept more ('0x10', ' ', '1', 'March 7'), and a calendar must hold the day.
 */
export function castable(cast: FilterCast, value: string): boolean {
  if (cast === 'numeric') return numeric.test(value);
  if (cast === 'bigint') return bigint.test(value);
  // A date may be written with a time, as PostgreSQL takes it (the time is dropped).
  const parts = timestamp.exec(value);
  if (!parts) return false;
  // A date has only the first three; the time and offset parts absent count as 0.
  const [year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = Array.from(
    { length: 8 },
    (_, i) => Number(parts[i + 1] ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  return (
    isCalendarDay(year, month, day) &&
    hours <= 23 &&
    minutes <= 59 &&
    seconds <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return (
    year >= 1 &&
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day
  );
}
