import type { HighlightPart } from '@opora/sdk';

/** A run of text to render, marked or not; adjacent runs of the same kind are already joined. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Turns the server's highlight parts into segments to render as text and `<mark>` — never as HTML, so whatever the
 * article or the query contains is shown, not interpreted. Empty parts go, neighbours of one kind merge.
 */
export function toSegments(parts: readonly HighlightPart[] | null | undefined): Segment[] {
  const segments: Segment[] = [];
  for (const part of parts ?? []) {
    if (typeof part?.text !== 'string' || part.text === '') continue;
    const mark = part.match === true;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += part.text;
    else segments.push({ text: part.text, mark });
  }
  return segments;
}

/** The plain text of highlight parts (for titles, aria labels). */
export const partsText = (parts: readonly HighlightPart[] | null | undefined): string =>
  (parts ?? []).map((p) => p.text).join('');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The beginning of a typed word that its other forms share («пароли» → «парол»), roughly, without a stemmer. */
const stem = (word: string): string => {
  const letters = [...word];
  if (letters.length < 5) return word;
  return letters.slice(0, letters.length - (letters.length >= 7 ? 2 : 1)).join('');
};

/**
 * Marks the words of a suggestion's title that begin like the words typed so far (case-insensitive), so a visitor
 * sees why it is offered: «пароли» marks «пароль» and «пароля». Words shorter than two letters are ignored.
 */
export function markTyped(title: string, typed: string): Segment[] {
  const words = [...new Set(typed.toLocaleLowerCase().split(/[\s\p{P}\p{S}]+/u))]
    .filter((w) => [...w].length >= 2)
    .map(stem);
  if (words.length === 0 || title === '') return title ? [{ text: title, mark: false }] : [];
  // Longer beginnings first; each match runs to the end of the title's word.
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const found of title.matchAll(pattern)) {
    const start = found.index ?? 0;
    parts.push({ text: title.slice(at, start), match: false }, { text: found[0], match: true });
    at = start + found[0].length;
  }
  parts.push({ text: title.slice(at), match: false });
  return toSegments(parts);
}
