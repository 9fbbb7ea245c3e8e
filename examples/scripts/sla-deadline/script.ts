// Computes an SLA deadline in business hours (working days and hours in the support team's time zone,
// skipping public holidays fetched from a production-calendar service) and sets it on the request.

interface Input {
  requestId: string;
  /** Hours of work allowed by the SLA, e.g. 8 for "one working day". */
  hours: number;
  /** When the clock starts (ISO); the request's creation time if omitted. */
  start?: string;
}

interface Schedule {
  /** Minutes east of UTC; Moscow is +180 all year. */
  utcOffsetMinutes: number;
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  fromMinute: number;
  toMinute: number;
  holidays: Set<string>;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/** Adds `hours` of working time to `start`, walking the schedule day by day. */
export function addBusinessHours(start: Date, hours: number, schedule: Schedule): Date {
  let remaining = Math.round(hours * 60);
  const offset = schedule.utcOffsetMinutes * minute;
  // Work in "local time as if it were UTC" so day boundaries are simple arithmetic.
  let cursor = start.getTime() + offset;
  for (let guard = 0; guard < 3660; guard++) {
    const dayStart = Math.floor(cursor / day) * day;
    const date = new Date(dayStart);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    const isWorkday =
      schedule.workdays.includes(weekday) && !schedule.holidays.has(date.toISOString().slice(0, 10));
    if (isWorkday) {
      const open = dayStart + schedule.fromMinute * minute;
      const close = dayStart + schedule.toMinute * minute;
      cursor = Math.max(cursor, open);
      if (cursor < close) {
        const take = Math.min(remaining * minute, close - cursor);
        cursor += take;
        remaining -= take / minute;
        if (remaining <= 0) return new Date(cursor - offset);
      }
    }
    cursor = dayStart + day;
  }
  throw new Error('no working time found within ten years: check the schedule');
}

export default async function run(ctx: ScriptContext<Input>) {
  const request = await ctx.records.get('request', ctx.input.requestId);
  const start = new Date(ctx.input.start ?? request.createdAt);
  const year = start.getUTCFullYear();
  const calendar = await ctx.http.fetch('calendar', `/holidays/${year}`);
  if (!calendar.ok) throw new Error(`the calendar service answered ${calendar.status}`);
  const { holidays } = calendar.json<{ holidays: string[] }>();

  const dueAt = addBusinessHours(start, ctx.input.hours, {
    utcOffsetMinutes: 180,
    workdays: [1, 2, 3, 4, 5],
    fromMinute: 9 * 60,
    toMinute: 18 * 60,
    holidays: new Set(holidays),
  });
  await ctx.records.update('request', request.id, request.version, { dueAt: dueAt.toISOString() });
  ctx.log.info('SLA', ctx.input.hours, 'h from', start.toISOString(), '→', dueAt.toISOString());
  return { dueAt: dueAt.toISOString(), holidaysConsidered: holidays.length };
}
