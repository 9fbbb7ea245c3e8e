/** Limits on a JSON document's shape, checked before any schema sees it. */
export interface JsonLimits {
  /** Nesting of objects and arrays. */
  depth: number;
  /** Properties of one object. */
  keys: number;
  /** Items of one array. */
  items: number;
}

/**
 * Generous for everything people design and send (an entity has at most 1,000 fields, a table field 10,000 rows),
 * small enough that no request makes the validators and their error lists large. Routes that take whole bundles
 * raise `items` in their `config.jsonLimits`.
 */
export const defaultJsonLimits: JsonLimits = { depth: 64, keys: 1000, items: 10_000 };

export interface JsonValueFault {
  /** JSON pointer of the offending value (of the property, when its key is at fault). */
  pointer: string;
  problem: 'too_many_keys' | 'too_many_items' | 'nul' | 'lone_surrogate' | 'forbidden_key';
  /** The limit exceeded, or the key refused. */
  detail?: number | string;
}

// PostgreSQL stores neither NUL (in text or jsonb) nor half of a UTF-16 surrogate pair (jsonb refuses the escape).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point here
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a string holds that the database cannot store, if anything. */
export function textFault(text: string): 'nul' | 'lone_surrogate' | null {
  const found = unstorable.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'nul' : 'lone_surrogate';
}

interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string;
}

/**
 * The first thing in a parsed document that no route should see: an object or array past the limits, text the
 * database cannot store (in a value or a key), or a key that would reach an object's prototype. Iterative, and
 * linear in the document's size.
 */
export function jsonValueFault(document: unknown, limits: JsonLimits): JsonValueFault | null {
  const stack: Visit[] = [{ value: document, parent: null, key: '' }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      const problem = textFault(value);
      if (problem) return { pointer: pointerOf(visit), problem };
    } else if (Array.isArray(value)) {
      if (value.length > limits.items)
        return { pointer: pointerOf(visit), problem: 'too_many_items', detail: limits.items };
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], parent: visit, key: String(i) });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (keys.length > limits.keys)
        return { pointer: pointerOf(visit), problem: 'too_many_keys', detail: limits.keys };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = (value as Record<string, unknown>)[key];
        const next = { value: child, parent: visit, key };
        const problem = keyFault(key, child);
        if (problem) return { pointer: pointerOf(next), problem, detail: key };
        stack.push(next);
      }
    }
  }
  return null;
}

/** `__proto__`, or `constructor.prototype` (what secure-json-parse refuses), or unstorable text in a key. */
function keyFault(key: string, value: unknown): JsonValueFault['problem'] | null {
  if (key === '__proto__') return 'forbidden_key';
  if (
    key === 'constructor' &&
    value !== null &&
    typeof value === 'object' &&
    Object.hasOwn(value, 'prototype')
  )
    return 'forbidden_key';
  return textFault(key);
}

/** A key as a JSON pointer token (RFC 6901: `~` and `/` escaped). */
export const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function pointerOf(visit: Visit): string {
  const tokens: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) tokens.push(pointerToken(v.key));
  return tokens
    .reverse()
    .map((t) => `/${t}`)
    .join('');
}
