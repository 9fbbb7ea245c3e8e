import { useEffect, useState } from 'react';
import { client } from '../lib/api';
import { FreshIds } from './node-id';

/**
 * The ids that may still follow their node's title. Every publication (and the first load of a published tree)
 * fixes the ids made so far; the published version's ids are read too, so a node carried over under an id that
 * was published before never changes either.
 */
export function useFreshIds(key: string, publishedVersion: number | null): FreshIds {
  const [fresh] = useState(() => new FreshIds());
  useEffect(() => {
    if (publishedVersion === null) return;
    fresh.fixAll();
    let live = true;
    client
      .getPublished('tree', key)
      .then((version) => {
        const nodes = (version.body as { nodes?: { id?: unknown }[] } | null)?.nodes ?? [];
        if (live) fresh.setPublished(nodes.flatMap((n) => (typeof n.id === 'string' ? [n.id] : [])));
      })
      // Without the published ids, what this session made before publishing is already fixed above.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [fresh, key, publishedVersion]);
  return fresh;
}
