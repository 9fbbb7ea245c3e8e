import type { ArticleAudience } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import { toPgArray } from '../../db/pg-array.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { SearchService } from '../kb/search/search-service.js';
import { pasteText, suggestionBounds, suggestionQuery } from './suggestion-query.js';

export interface ArticleSuggestion {
  id: string;
  key: string;
  title: string;
  summary: string;
  /** Plain text to paste into an answer (the body, cut to a sane size). */
  text: string;
  /** The article's address on the portal, to send to the client. */
  url: string;
  audience: ArticleAudience;
}

export const suggestionCount = 5;

interface ArticleRow {
  id: string;
  key: string;
  title: string;
  summary: string;
  body_text: string;
  audience: ArticleAudience;
}

/**
 * Articles for an open dialog: for what the operator typed, else for the client's last messages. The knowledge
 * base's own search ranks them (morphology, synonyms, typos) with the operator's rights, so staff articles come
 * too; nothing is recorded as a search gap, since no visitor asked.
 */
export async function articleSuggestions(
  deps: { db: Database; search: SearchService },
  conversationId: string,
  typed: string | undefined,
  actor: Actor,
  origin: string,
): Promise<{ query: string; items: ArticleSuggestion[] }> {
  const { db, search } = deps;
  const [conversation] = await db.query('select 1 from conversation where id = ?', [conversationId]);
  if (!conversation) throw fail.notFound('conversation');
  const query = typed?.trim() || suggestionQuery(await lastClientTexts(db, conversationId));
  if (!query) return { query, items: [] };
  const found = await search.search({ q: query, limit: suggestionCount }, actor, { recordGaps: false });
  const ids = found.items.map((hit) => hit.id);
  if (!ids.length) return { query, items: [] };
  const rows = await db.query<ArticleRow>(
    `select id, key, title, summary, left(body_text, 4000) as body_text, audience
       from kb_article where id = any(?::uuid[])`,
    [toPgArray(ids)],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        key: row.key,
        title: row.title,
        summary: row.summary,
        text: pasteText(row.body_text, row.summary),
        url: `${origin.replace(/\/+$/, '')}/kb/${encodeURIComponent(row.key)}`,
        audience: row.audience,
      },
    ];
  });
  return { query, items };
}

async function lastClientTexts(db: Database, conversationId: string): Promise<string[]> {
  const rows = await db.query<{ text: string }>(
    `select left(text, ?) as text from message
      where conversation_id = ? and author_kind = 'client' and not internal
      order by seq desc limit ?`,
    [suggestionBounds.chars, conversationId, suggestionBounds.messages],
  );
  return rows.map((row) => row.text);
}
