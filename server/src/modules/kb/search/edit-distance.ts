/** Levenshtein distance, small strings only (query words): a spelling fix must be a few keystrokes away. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/** One slip in a short word, two in a longer one: «пороль» → «пароль», but never «script» → «javascript». */
export const closeEnough = (typed: string, known: string): boolean =>
  editDistance(typed, known) <= (typed.length <= 5 ? 1 : 2);
