import type { DefinitionSummary } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export type EntityTypesLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; items: DefinitionSummary[] };

/** Data types with a published version: what a relation field may point to. */
export function useEntityTypes(): EntityTypesLoad {
  const [load, setLoad] = useState<EntityTypesLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    client.listDefinitions({ kind: 'entity', sort: 'name', limit: 200 }).then(
      (page) =>
        current && setLoad({ status: 'ready', items: page.items.filter((d) => d.latestVersion !== null) }),
      (error: unknown) => current && setLoad({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, []);
  return load;
}
