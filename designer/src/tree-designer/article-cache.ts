import type { ArticleSummary } from '@opora/sdk';
import { client } from '../lib/api';

/** What the designer knows about an article key: its summary, or null when no article has that key. */
type Known = ArticleSummary | null;

const known = new Map<string, Known>();
const pending = new Map<string, Promise<Known>>();
const listeners = new Set<() => void>();

/**
 * Article summaries by key, shared by the cards and the picker, fetched once per key. The staff list searches
 * keys too (`q`), so one small request per key finds the exact one.
 */
export const articleCache = {
  get: (key: string): Known | undefined => known.get(key),
  remember(article: ArticleSummary): void {
    known.set(article.key, article);
    for (const listener of listeners) listener();
  },
  load(key: string): Promise<Known> {
    const cached = known.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const request = client.kb
      .list({ q: key, limit: 20 })
      .then((page) => page.items.find((a) => a.key === key) ?? null)
      .then((article) => {
        known.set(key, article);
        for (const listener of listeners) listener();
        return article;
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
    return request;
  },
  /**
   * Many keys at once (a big tree on load): one page of articles first, which usually holds them all, then one
   * look-up per key still unknown.
   */
  async loadMany(keys: readonly string[]): Promise<void> {
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length > 3) {
      const page = await client.kb.list({ limit: 100, sort: 'title' });
      for (const article of page.items) known.set(article.key, article);
      for (const listener of listeners) listener();
    }
    await Promise.all(keys.filter((k) => !known.has(k)).map((k) => articleCache.load(k)));
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
