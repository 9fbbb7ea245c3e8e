import type { Value } from './ast.js';
import { boundedText, equal, finite, isBlank, text } from './values.js';

/** What functions may know of the outside world: the time of evaluation and the organisation's time zone. */
export interface EvaluationClock {
  now: Date;
  /** IANA zone for today(); browser and server pass the same one so they agree. */
  timeZone: string;
}

interface FunctionSpec {
  min: number;
  max: number;
  call: (args: Value[], clock: EvaluationClock) => Value;
}

const num = (v: Value): number | null => (typeof v === 'number' ? v : null);
const str = (v: Value): string | null => (typeof v === 'string' ? v : null);
const numbers = (args: Value[]): number[] =>
  (args.length === 1 && Array.isArray(args[0]) ? args[0] : args).filter(
    (v): v is number => typeof v === 'number',
  );
const onNumber = (f: (n: number) => number) => (args: Value[]) => {
  const n = num(args[0] ?? null);
  return n === null ? null : finite(f(n));
};
const onText = (f: (s: string) => string) => (args: Value[]) => {
  const s = str(args[0] ?? null);
  return s === null ? null : f(s);
};

/** The smallest or largest number (a loop, not Math.min(...list): a long table must not overflow the stack). */
function extreme(values: number[], better: (a: number, b: number) => boolean): number | null {
  let best: number | null = null;
  for (const v of values) if (best === null || better(v, best)) best = v;
  return best;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/;
const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO date or date-time (its date part), or null. */
function dayNumber(value: Value): number | null {
  const match = typeof value === 'string' ? isoDate.exec(value) : null;
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : Math.floor(ms / dayMs);
}

function todayIn(clock: EvaluationClock): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: clock.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(clock.now);
}

function addDays(args: Value[]): Value {
  const [date, days] = args;
  const n = num(days ?? null);
  if (typeof date !== 'string' || n === null || !Number.isInteger(n) || Math.abs(n) > 1_000_000) return null;
  const match = isoDate.exec(date);
  if (!match) return null;
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + n * dayMs);
  if (Number.isNaN(shifted.getTime())) return null;
  return shifted.toISOString().slice(0, 10) + (match[4] ?? '');
}

function sum(args: Value[]): Value {
  const [list, key] = args;
  if (!Array.isArray(list)) return null;
  let total = 0;
  for (const item of list) {
    const v =
      typeof key === 'string' && item && typeof item === 'object' && !Array.isArray(item) ? item[key] : item;
    if (typeof v === 'number') total += v;
  }
  return finite(total);
}

/** The built-in functions by name, with how many arguments each takes. `if` is evaluated lazily elsewhere. */
export const functions: Record<string, FunctionSpec> = {
  empty: { min: 1, max: 1, call: ([v]) => isBlank(v ?? null) },
  len: {
    min: 1,
    max: 1,
    call: ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
  },
  lower: { min: 1, max: 1, call: onText((s) => s.toLocaleLowerCase('ru')) },
  upper: { min: 1, max: 1, call: onText((s) => s.toLocaleUpperCase('ru')) },
  trim: { min: 1, max: 1, call: onText((s) => s.trim()) },
  contains: {
    min: 2,
    max: 2,
    call: ([a, b]) =>
      Array.isArray(a)
        ? a.some((item) => equal(item, b ?? null))
        : typeof a === 'string' &&
          typeof b === 'string' &&
          a.toLocaleLowerCase('ru').includes(b.toLocaleLowerCase('ru')),
  },
  startsWith: {
    min: 2,
    max: 2,
    call: ([a, b]) => typeof a === 'string' && typeof b === 'string' && a.startsWith(b),
  },
  endsWith: {
    min: 2,
    max: 2,
    call: ([a, b]) => typeof a === 'string' && typeof b === 'string' && a.endsWith(b),
  },
  round: {
    min: 1,
    max: 2,
    call: ([v, d]) => {
      const n = num(v ?? null);
      const digits = d === undefined ? 0 : num(d);
      if (n === null || digits === null || !Number.isInteger(digits) || digits < 0 || digits > 10)
        return null;
      const factor = 10 ** digits;
      // Half away from zero, as in accounting (-2.5 → -3); the epsilon keeps 2.345 from rounding to 2.34.
      return finite((Math.sign(n) * Math.round((Math.abs(n) + Number.EPSILON) * factor)) / factor);
    },
  },
  floor: { min: 1, max: 1, call: onNumber(Math.floor) },
  ceil: { min: 1, max: 1, call: onNumber(Math.ceil) },
  abs: { min: 1, max: 1, call: onNumber(Math.abs) },
  min: { min: 1, max: 50, call: (args) => extreme(numbers(args), (a, b) => a < b) },
  max: { min: 1, max: 50, call: (args) => extreme(numbers(args), (a, b) => a > b) },
  sum: { min: 1, max: 2, call: sum },
  count: { min: 1, max: 1, call: ([v]) => (Array.isArray(v) ? v.length : 0) },
  coalesce: { min: 1, max: 50, call: (args) => args.find((v) => !isBlank(v)) ?? null },
  concat: { min: 1, max: 50, call: (args) => boundedText(args.map(text).join('')) },
  number: {
    min: 1,
    max: 1,
    call: ([v]) => {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string' || v.trim() === '') return null;
      return finite(Number(v.trim().replace(',', '.').replace(/\s/g, '')));
    },
  },
  text: { min: 1, max: 1, call: ([v]) => boundedText(text(v ?? null)) },
  today: { min: 0, max: 0, call: (_, clock) => todayIn(clock) },
  now: { min: 0, max: 0, call: (_, clock) => clock.now.toISOString() },
  addDays: { min: 2, max: 2, call: addDays },
  daysBetween: {
    min: 2,
    max: 2,
    call: ([a, b]) => {
      const from = dayNumber(a ?? null);
      const to = dayNumber(b ?? null);
      return from === null || to === null ? null : to - from;
    },
  },
  year: {
    min: 1,
    max: 1,
    call: ([v]) => (typeof v === 'string' && isoDate.test(v) ? Number(v.slice(0, 4)) : null),
  },
  month: {
    min: 1,
    max: 1,
    call: ([v]) => (typeof v === 'string' && isoDate.test(v) ? Number(v.slice(5, 7)) : null),
  },
};

/** `if(condition, then, else)`: only the chosen branch is evaluated. */
export const lazyFunctions = { if: { min: 3, max: 3 } };

export function functionArity(name: string): { min: number; max: number } | undefined {
  if (name === 'if') return lazyFunctions.if;
  return Object.hasOwn(functions, name) ? functions[name] : undefined;
}
