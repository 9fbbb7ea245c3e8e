/** A search term group: alternatives (a word and its synonyms), each a sequence of lexemes (a phrase). */
export type TermGroup = string[][];

const quote = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const alternative = (lexemes: string[]): string =>
  lexemes.length === 1 ? quote(lexemes[0]!) : `(${lexemes.map(quote).join(' <-> ')})`;

/**
 * tsquery text (parsed with `::tsquery`, so no second stemming) where every group must match, by any of its
 * alternatives: `('парол' | 'password' | ('код' <-> 'доступ')) & 'смен'`.
 */
export function tsqueryText(groups: readonly TermGroup[], joiner: '&' | '|' = '&'): string {
  return groups
    .filter((g) => g.length)
    .map((g) => (g.length === 1 ? alternative(g[0]!) : `(${g.map(alternative).join(' | ')})`))
    .join(` ${joiner} `);
}
