import type { Schema } from './openapi-operations.js';

// Candidates tried against a `pattern` (keys, slugs, node ids, names); the first that matches is used.
const patternCandidates = ['fuzz', 'fuzz-key', 'fuzz_key', 'a', 'a1', 'A1', 'fuzz.example', '1'];

/** A value the schema accepts, as far as a sample can tell: required properties, first branches, minimal sizes. */
export function sampleOf(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return structuredClone(schema.default);
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (branch) return sampleOf(branch);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type ?? (schema.properties ? 'object' : undefined)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([key, property]) => schema.required?.includes(key) || !property.pattern)
          .map(([key, property]) => [key, sampleOf(property)]),
      );
    case 'array':
      return schema.items
        ? Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items!))
        : [];
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'fuzz';
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-00000000f022';
    case 'date-time':
      return '2030-01-01T00:00:00.000Z';
    case 'date':
      return '2030-01-01';
    case 'email':
      return 'fuzz@example.com';
    case 'uri':
      return 'https://example.com/fuzz';
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    return patternCandidates.find((c) => pattern.test(c)) ?? 'fuzz';
  }
  return 'fuzz'.padEnd(schema.minLength ?? 0, 'z').slice(0, schema.maxLength ?? Number.POSITIVE_INFINITY);
}

/** Paths (lists of keys) to every value of a JSON document, the root included. */
export function positionsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => positionsOf(item, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, v]) => positionsOf(v, [...at, key]))];
  return here;
}

/** A copy of the document with the value at `path` replaced (the root when the path is empty). */
export function withValueAt(document: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}
