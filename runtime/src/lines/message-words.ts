import { russianStem } from './russian-stem.js';

/** Routing reads at most this much of a first message: enough for any topic, bounded work for any input. */
export const routedTextLimit = 4000;

/**
 * The words of a text as the knowledge base's search sees them (lower case, ё as е, letters and digits only),
 * each stemmed, in order.
 */
export function messageStems(text: string): string[] {
  return (
    text
      .slice(0, routedTextLimit)
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((word) => word.length <= 60)
    .map(russianStem);
}

/**
 * Whether a keyword (a word or a phrase) occurs in the stemmed message: its words' stems in a row. A keyword with
 * no letters or digits never matches.
 */
export function keywordOccurs(keyword: string, stems: readonly string[]): boolean {
  const wanted = messageStems(keyword);
  if (!wanted.length) return false;
  for (let start = 0; start + wanted.length <= stems.length; start++)
    if (wanted.every((stem, i) => stems[start + i] === stem)) return true;
  return false;
}
