/** The words of a text as search sees them: lower case, ё as е, letters and digits only. */
export function searchWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => w.length <= 60);
}

/** Distinct words worth offering as a spelling fix: 3–30 letters, not numbers. */
export function vocabularyOf(text: string): Set<string> {
  return new Set(searchWords(text).filter((w) => w.length >= 3 && w.length <= 30 && !/^\p{N}+$/u.test(w)));
}
