import type { HighlightPart } from '@opora/sdk';

/** Markers ts_headline puts around matches; control characters never occur in stored text (htmlToText drops them). */
export const markStart = '\u0002';
export const markStop = '\u0003';

/** ts_headline output as parts, so the portal renders matches without any HTML coming from the server. */
export function highlightParts(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  for (const [i, chunk] of text.split(markStart).entries()) {
    const [match, rest] = i === 0 ? [undefined, chunk] : splitOnce(chunk, markStop);
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return merge(parts);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** Adjacent parts of the same kind become one (ts_headline marks each word of a phrase separately). */
function merge(parts: HighlightPart[]): HighlightPart[] {
  const merged: HighlightPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.match === part.match) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
