/** An allowed origin as the form edits it: a stable id for React, the text as typed. */
export interface OriginRow {
  id: number;
  text: string;
}

export const originRows = (origins: readonly string[]): OriginRow[] =>
  origins.map((text, index) => ({ id: index + 1, text }));

/** What the channel stores: each typed origin trimmed, empty rows (just added, or cleared) left out. */
export const originsFromRows = (rows: readonly OriginRow[]): string[] =>
  rows.map((row) => row.text.trim()).filter(Boolean);

/**
 * The rows again when the stored list changed from elsewhere (the JSON tab, a reload after a conflict), the same
 * rows otherwise: empty rows being typed and the ids React keys on survive the admin's own edits.
 */
export function rowsFor(rows: readonly OriginRow[], stored: readonly string[]): readonly OriginRow[] {
  const typed = originsFromRows(rows);
  const same = typed.length === stored.length && typed.every((origin, index) => origin === stored[index]);
  return same ? rows : originRows(stored);
}

/** The indexes of rows repeating an origin typed above them (harmless, but a sign of a typo elsewhere). */
export function repeatedRows(rows: readonly OriginRow[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  for (const row of rows) {
    const origin = row.text.trim();
    if (!origin) continue;
    if (seen.has(origin)) repeated.add(row.id);
    seen.add(origin);
  }
  return repeated;
}
