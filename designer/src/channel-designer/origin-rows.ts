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
