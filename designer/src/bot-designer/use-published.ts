import type { DefinitionKind } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface PublishedChoice {
  key: string;
  name: string;
}

/** Loaded once per kind for the page's life: every panel of a bot offers the same lists. */
const cache = new Map<DefinitionKind, Promise<PublishedChoice[]>>();

function load(kind: DefinitionKind): Promise<PublishedChoice[]> {
  let found = cache.get(kind);
  if (!found) {
    found = client
      .listDefinitions({ kind, status: 'published', limit: 100, sort: 'name' })
      .then((page) => page.items.map((d) => ({ key: d.key, name: d.name })));
    // A failed load is tried again the next time a panel asks.
    found.catch(() => cache.delete(kind));
    cache.set(kind, found);
  }
  return found;
}

/** Published definitions of a kind (lines, scripts, data types …) for a block's select; null while loading. */
export function usePublished(kind: DefinitionKind): PublishedChoice[] | null {
  const [items, setItems] = useState<PublishedChoice[] | null>(null);
  useEffect(() => {
    let live = true;
    load(kind)
      .then((list) => live && setItems(list))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [kind]);
  return items;
}
