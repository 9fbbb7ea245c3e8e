import type { Database } from '../../../db/database.js';
import { fromPgArray, toPgArray } from '../../../db/pg-array.js';
import { closeEnough } from './edit-distance.js';
import type { QueryWord } from './query-terms.js';
import { tsqueryText } from './tsquery-text.js';

/**
 * Words no published article contains get the closest known word: candidates by trigram similarity (pg_trgm,
 * also in PGlite), kept only within a couple of keystrokes — «пороль» → «пароль». Known words are never
 * touched. One round trip for the check and the lookup.
 */
export async function correctTypos(db: Database, words: readonly QueryWord[]): Promise<Map<string, string>> {
  const candidates = words.filter((w) => w.lexemes.length && w.word.length >= 4 && !/\p{N}/u.test(w.word));
  if (!candidates.length) return new Map();
  const rows = await db.query<{ word: string; fixes: unknown }>(
    `select g.word, case when exists (
         select 1 from kb_article a where a.state = 'published' and a.search_vec @@ g.q::tsquery)
       then null
       else array(select w.word from kb_word w where w.word % g.word and w.word <> g.word
             order by similarity(w.word, g.word) desc, w.ndoc desc, w.word limit 5) end as fixes
     from unnest(?::text[], ?::text[]) as g(word, q)`,
    [toPgArray(candidates.map((w) => w.word)), toPgArray(candidates.map((w) => tsqueryText([[w.lexemes]])))],
  );
  return new Map(
    rows.flatMap((r) => {
      const fix = fromPgArray(r.fixes).find((known) => closeEnough(r.word, known));
      return fix ? [[r.word, fix] as const] : [];
    }),
  );
}
