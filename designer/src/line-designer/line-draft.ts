import type { LineRule, WorkingHours } from '@opora/runtime/definitions';

/**
 * A line body as the form edits it, read tolerantly from whatever the draft holds (a half-typed JSON draft must
 * not break the form); the runtime's schema stays the judge of what is valid.
 */
type Raw = Record<string, unknown>;
const record = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export type Interval = WorkingHours['week'][number];
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const weekdays: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** The rules as a list the form can show, whatever the draft holds (entries that are not objects left out). */
export const readRules = (body: Raw): LineRule[] =>
  (Array.isArray(body.rules) ? body.rules : []).filter(
    (r): r is LineRule => Boolean(r) && typeof r === 'object' && typeof (r as Raw).id === 'string',
  );

export const readStrings = (body: Raw, key: string): string[] => strings(body[key]);

export function readHours(value: unknown): WorkingHours | undefined {
  if (value === undefined) return undefined;
  const raw = record(value);
  return {
    timeZone: typeof raw.timeZone === 'string' ? raw.timeZone : '',
    week: (Array.isArray(raw.week) ? raw.week : []).map((item) => {
      const i = record(item);
      return {
        day: typeof i.day === 'number' ? i.day : 1,
        from: typeof i.from === 'string' ? i.from : '',
        to: typeof i.to === 'string' ? i.to : '',
      };
    }),
    ...(raw.holidays !== undefined ? { holidays: strings(raw.holidays) } : {}),
  };
}

/** The first `rN` id not taken, so a new rule never repeats an id. */
export function nextRuleId(rules: readonly LineRule[]): string {
  const taken = new Set(rules.map((r) => r.id));
  let n = rules.length + 1;
  while (taken.has(`r${n}`)) n++;
  return `r${n}`;
}

/** A new rule starts as keywords to fill in: the condition most lines route by. */
export const newRule = (rules: readonly LineRule[]): LineRule => ({ id: nextRuleId(rules), keywords: [] });

/** The list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moved<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length || index < 0 || index >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** An object with a patch applied: keys patched to undefined leave it (an optional setting cleared), others replace. */
export function patched<T extends object>(value: T, patch: Partial<Record<keyof T, unknown>>): T {
  const next: Raw = { ...value, ...patch };
  for (const [key, item] of Object.entries(patch)) if (item === undefined) delete next[key];
  return next as T;
}

/** Office hours to start from when the analyst switches hours on: weekdays 9–18 Moscow time. */
export const officeHours = (): WorkingHours => ({
  timeZone: 'Europe/Moscow',
  week: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '18:00' })),
  holidays: [],
});

/** The intervals of one weekday with their places in `week`, so problems found at `/hours/week/i` show beside them. */
export const intervalsOf = (hours: WorkingHours, day: Weekday): { interval: Interval; index: number }[] =>
  hours.week.flatMap((interval, index) => (interval.day === day ? [{ interval, index }] : []));

/** A day's next interval: after its last one (an hour later, for an hour), or 9–18 on an empty day. */
export function nextInterval(hours: WorkingHours, day: Weekday): Interval {
  const last = intervalsOf(hours, day).at(-1)?.interval;
  if (!last || !/^\d\d:\d\d$/.test(last.to) || last.to >= '23:00') return { day, from: '09:00', to: '18:00' };
  const start = Number(last.to.slice(0, 2)) + 1;
  const pad = (h: number) => `${String(h).padStart(2, '0')}:${last.to.slice(3)}`;
  return { day, from: pad(start), to: start + 1 >= 24 ? '24:00' : pad(start + 1) };
}

/** The week with a day's intervals copied to every other day Monday to Friday, replacing theirs. */
export function copyDayToWeekdays(hours: WorkingHours, day: Weekday): WorkingHours {
  const source = intervalsOf(hours, day).map((i) => i.interval);
  const targets = new Set<number>([1, 2, 3, 4, 5]);
  const week = [
    ...hours.week.filter((i) => !targets.has(i.day) || i.day === day),
    ...[...targets].filter((d) => d !== day).flatMap((d) => source.map((i) => ({ ...i, day: d }))),
  ].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
  return { ...hours, week };
}
