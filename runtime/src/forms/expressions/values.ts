import type { Value } from './ast.js';

/** Longest text an expression may build: concatenation cannot be used to blow up memory. */
export const maxTextLength = 100_000;

/** Empty values (nothing, false, 0, blank text, empty list) are false; everything else is true. */
export function truthy(value: Value): boolean {
  if (value === null || value === false || value === 0) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export function isBlank(value: Value): boolean {
  return (
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Equality by value: no coercion between types (5 is not '5'), lists and objects compared by content. */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => equal(v, b[i] as Value));
  const ak = Object.keys(a as object);
  const bo = b as Record<string, Value>;
  return (
    ak.length === Object.keys(bo).length &&
    ak.every((k) => equal((a as Record<string, Value>)[k] as Value, bo[k] as Value))
  );
}

/**
 * Ordering of two numbers or two texts (ISO dates order correctly as text); anything else does not compare,
 * so every comparison with it is false.
 */
export function compare(a: Value, b: Value): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** A value as text: nothing is '', numbers without float noise, lists joined with ", ". */
export function text(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(text).join(', ');
  return JSON.stringify(value);
}

/** A finite number, or null: NaN and infinities never escape an expression. */
export function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

export function boundedText(value: string): string | null {
  return value.length > maxTextLength ? null : value;
}

/** Values from outside (record data) made into expression values: undefined becomes null, functions vanish. */
export function toValue(raw: unknown): Value {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return finite(raw);
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.map(toValue);
  if (typeof raw === 'object') {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(raw))
      if (v !== undefined && typeof v !== 'function') out[k] = toValue(v);
    return out;
  }
  return null;
}
