import type { TermGroup } from './tsquery-text.js';

/** A synonym group as search uses it: each term's lexemes in order (a phrase for multi-word terms). */
export type SynonymSet = string[][];

/**
 * Groups the query's lexemes into terms, replacing every run that spells a synonym term by all the terms of
 * its group (longest match first), so «код доступа» also finds «пароль».
 */
export function expandSynonyms(lexemes: readonly string[], synonyms: readonly SynonymSet[]): TermGroup[] {
  const terms = synonyms
    .flatMap((set) => set.map((term) => ({ term, set })))
    .filter(({ term }) => term.length)
    .sort((a, b) => b.term.length - a.term.length);
  const groups: TermGroup[] = [];
  for (let i = 0; i < lexemes.length; ) {
    const hit = terms.find(({ term }) => term.every((lexeme, k) => lexemes[i + k] === lexeme));
    if (hit) {
      groups.push(dedupe(hit.set));
      i += hit.term.length;
    } else {
      groups.push([[lexemes[i]!]]);
      i += 1;
    }
  }
  return groups;
}

function dedupe(set: SynonymSet): TermGroup {
  const seen = new Set<string>();
  return set.filter((term) => {
    const key = term.join(' ');
    if (!term.length || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether these lexemes spell one of the synonyms' terms exactly. */
export function isSynonymTerm(lexemes: readonly string[], synonyms: readonly SynonymSet[]): boolean {
  return (
    lexemes.length > 0 &&
    synonyms.some((set) =>
      set.some((term) => term.length === lexemes.length && term.every((l, i) => l === lexemes[i])),
    )
  );
}
