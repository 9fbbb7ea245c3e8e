import type { EntityBody } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export type EntityLoad =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; body: EntityBody; version: number };

/** The latest published version of a data type by key: the fields a form designer offers. */
export function usePublishedEntity(key: string): EntityLoad {
  const [load, setLoad] = useState<EntityLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    (async () => {
      const { items } = await client.listDefinitions({ kind: 'entity', q: key, limit: 50 });
      const found = items.find((d) => d.key === key);
      if (!found?.latestVersion) return { status: 'missing' } as const;
      const version = await client.getVersion(found.id, found.latestVersion);
      return { status: 'ready', body: version.body as EntityBody, version: found.latestVersion } as const;
    })().then(
      (result) => current && setLoad(result),
      (error: unknown) => current && setLoad({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return load;
}
