import type { SearchHit, SearchResult } from '@opora/sdk';
import { client } from '../lib/api';
import { useAsync } from '../lib/use-async';
import { type SearchState, searchPageSize } from './search-params';

/**
 * Results for the search page's state: a text query goes to the search; a tag or category alone (a tag link from an
 * article) lists the published articles that have it, most read first. Nothing to look for gives null.
 */
export function useSearch(state: SearchState) {
  const { q, category, tag, page } = state;
  const key = JSON.stringify([q, category, tag, page]);
  const loaded = useAsync<{ key: string; result: SearchResult | null }>(
    async () => ({ key, result: await find() }),
    [key],
  );
  // The previous results stay on screen while the next load; `pending` says they are not yet for this state.
  return {
    ...loaded,
    pending: loaded.status === 'loading' || (loaded.data ? loaded.data.key !== key : false),
  };

  async function find(): Promise<SearchResult | null> {
    const offset = (page - 1) * searchPageSize;
    const filters = { ...(category ? { category } : {}), ...(tag ? { tag } : {}) };
    if (q.trim()) return client.kb.search({ q: q.trim(), ...filters, limit: searchPageSize, offset });
    if (!category && !tag) return null;
    const list = await client.kb.portalArticles({
      ...filters,
      sort: 'popular',
      limit: searchPageSize,
      offset,
    });
    return {
      items: list.items.map(
        (a): SearchHit => ({
          id: a.id,
          key: a.key,
          title: [{ text: a.title, match: false }],
          snippet: [{ text: a.summary, match: false }],
          summary: a.summary,
          categoryId: a.categoryId,
          tags: a.tags,
          updatedAt: a.updatedAt,
        }),
      ),
      total: list.total,
      totalIsEstimate: false,
      limit: list.limit,
      offset: list.offset,
      correctedQuery: null,
      // A browsed list answers no question: nothing to say about exactness.
      exactAnswer: true,
    };
  }
}

/** Tags to offer as filters: the chosen one first, then the most frequent among the results. */
export function tagsToOffer(hits: readonly SearchHit[], chosen: string, max = 12): string[] {
  const counts = new Map<string, number>();
  for (const hit of hits) for (const tag of hit.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  counts.delete(chosen);
  const others = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru'))
    .map(([tag]) => tag);
  return [...(chosen ? [chosen] : []), ...others].slice(0, max);
}
