import type { ArticleSummary } from '@opora/sdk';
import { useEffect, useMemo, useState } from 'react';
import { articleCache } from './article-cache';

/** Articles behind the tree's article leaves, by key: a summary, null when not found, absent while loading. */
export function useArticles(keys: readonly string[]): Map<string, ArticleSummary | null> {
  const [version, setVersion] = useState(0);
  const wanted = useMemo(() => [...new Set(keys.filter(Boolean))].sort(), [keys]);
  const signature = wanted.join(',');
  useEffect(() => articleCache.subscribe(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    // A failed look-up (no knowledge base yet, no network) leaves the card without a title; it retries later.
    if (signature) articleCache.loadMany(signature.split(',')).catch(() => undefined);
  }, [signature]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how the cache says it learned more.
  return useMemo(() => {
    const result = new Map<string, ArticleSummary | null>();
    for (const key of wanted) {
      const article = articleCache.get(key);
      if (article !== undefined) result.set(key, article);
    }
    return result;
  }, [wanted, version]);
}
