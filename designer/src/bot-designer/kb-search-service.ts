import { client } from '../lib/api';

/**
 * The test chat's knowledge-base search: the portal's real search, as the list of `{ id, title }` a kb-search
 * block reads (the server's bot runner answers the same shape).
 */
export async function searchKnowledgeBase(query: string, limit: number) {
  const result = await client.kb.search({ q: query.slice(0, 500), limit: Math.max(1, Math.min(10, limit)) });
  return result.items.map((hit) => ({ id: hit.key, title: hit.title.map((part) => part.text).join('') }));
}
