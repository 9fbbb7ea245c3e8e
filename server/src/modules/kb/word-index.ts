import type { Database, Em } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { vocabularyOf } from './search/search-words.js';

/** What an article contributes to the spelling vocabulary: its published title, summary, tags and text. */
export interface ArticleText {
  title: string;
  summary: string;
  tags: string[];
  bodyText: string;
}

const wordsOf = (text: ArticleText | null): Set<string> =>
  text ? vocabularyOf([text.title, text.summary, text.tags.join(' '), text.bodyText].join(' ')) : new Set();

/**
 * The vocabulary typo correction draws from (`kb_word`, trigram-indexed): every word of the published articles
 * with the number of articles using it. Kept current in the transaction that publishes, edits or withdraws.
 */
export async function updateVocabulary(
  db: Database,
  tx: Em,
  before: ArticleText | null,
  after: ArticleText | null,
): Promise<void> {
  const old = wordsOf(before);
  const next = wordsOf(after);
  const added = [...next].filter((w) => !old.has(w));
  const removed = [...old].filter((w) => !next.has(w));
  if (added.length)
    await db.query(
      `insert into kb_word (word, ndoc) select w, 1 from unnest(?::text[]) as w
       on conflict (word) do update set ndoc = kb_word.ndoc + 1`,
      [toPgArray(added)],
      tx,
    );
  if (removed.length) {
    await db.query(
      'update kb_word set ndoc = ndoc - 1 where word = any(?::text[])',
      [toPgArray(removed)],
      tx,
    );
    await db.query('delete from kb_word where ndoc <= 0 and word = any(?::text[])', [toPgArray(removed)], tx);
  }
}
