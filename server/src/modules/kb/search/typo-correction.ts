import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import { closeEnough } from './edit-distance.js';
import type { QueryWord } from './query-terms.js';
import { tsqueryText } from './tsquery-text.js';

/**
 * Words no published article contains get the closest known word: candidates by trigram similarity (pg_trgm,
 * also in PGlite), kept only within a couple of keystrokes — «пороль» → «пароль». Known words are never
 * touched.
 */
export async function correctTypos(db: Database, words: readonly QueryWord[]): Promise<Map<string, string>> {
  const candidates = words.filter((w) => w.lexemes.length && w.word.length >= 4 && !/\p{N}/u.test(w.word));
  const known = await Promise.all(candidates.map((w) => inSomeArticle(db, w)));
  const unknown = candidates.filter((_, i) => !known[i]).map((w) => w.word);
  if (!unknown.length) return new Map();
  const rows = await db.query<{ word: string; fixes: unknown }>(
    `select g.word, array(select w.word from kb_word w where w.word % g.word and w.word <> g.word
             order by similarity(w.word, g.word) desc, w.ndoc desc, w.word limit 5) as fixes
     from unnest(?::text[]) as g(word)`,
    [toPgArray(unknown)],
  );
  return new Map(
    rows.flatMap((r) => {
      const fix = fromPgArray(r.fixes).find((known) => closeEnough(r.word, known));
      return fix ? [[r.word, fix] as const] : [];
    }),
  );
}

/**
 * One statement per word, so the planner sees the word: a common one is found in the first rows it reads, a
 * rare one through the index. (Inside one statement over all words it plans blind and builds the index
 * bitmap of every match, tens of milliseconds for a word in most articles.)
 */
async function inSomeArticle(db: Database, word: QueryWord): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(
    `select exists (select 1 from kb_article a where a.state = 'published' and a.search_vec @@ ?::tsquery) as found`,
    [tsqueryText([[word.lexemes]])],
  );
  return Boolean(row?.found);
}
