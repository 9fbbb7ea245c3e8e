/**
 * Arrays across the driver boundary. Raw queries bind through knex, which would splice a JS array into a list
 * of values, so arrays travel as Postgres array literals (`?::text[]`); and the pg driver parses only the array
 * types it knows, returning the others as literals, so reads go through {@link fromPgArray}.
 */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** A text[]/uuid[] column value as a JS array, whichever driver read it. NULL elements are dropped. */
export function fromPgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string' || value.length < 2) return [];
  const items: string[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 1; i < value.length - 1; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '\\') current += value[++i] ?? '';
      else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      if (wasQuoted || current !== 'NULL') items.push(current);
      current = '';
      wasQuoted = false;
    } else current += ch;
  }
  if (value.length > 2 && (wasQuoted || current !== 'NULL')) items.push(current);
  return items;
}
