import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import { searchWords } from './search-words.js';

/** At most this much of a query is searched: enough for any real question, bounded work for any input. */
const maxQueryChars = 300;
const maxWords = 12;

/** A word of the query with the lexemes PostgreSQL's Russian configuration makes of it (none for stop words). */
export interface QueryWord {
  word: string;
  lexemes: string[];
}

/** The words of a query of any length or characters (lower case, ё as е), in order, at most a dozen. */
export const queryWords = (q: string): string[] => searchWords(q.slice(0, maxQueryChars)).slice(0, maxWords);

/** Stems the words in one round trip ('russian' also stems English words). */
export async function stemWords(db: Database, words: readonly string[]): Promise<QueryWord[]> {
  if (!words.length) return [];
  const rows = await db.query<{ ord: string | number; lexemes: unknown }>(
    `select t.ord, array(select lexeme from unnest(to_tsvector('russian', t.word)) order by positions[1]) as lexemes
     from unnest(?::text[]) with ordinality as t(word, ord) order by t.ord`,
    [toPgArray(words)],
  );
  return rows.map((r, i) => ({ word: words[i]!, lexemes: fromPgArray(r.lexemes) }));
}
