import type { EntityBody } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

export interface PageOption {
  key: string;
  name: string;
  /** The published page's path; null for a page never published (it cannot be the home page yet). */
  path: string | null;
}
export interface EntityOption {
  key: string;
  name: string;
  body: EntityBody;
}

/** Portal pages and published data types, for the home page, the menu and the account mapping. */
export interface PortalLookups {
  pages: PageOption[] | null;
  entities: EntityOption[] | null;
  failed: ('pages' | 'entities')[];
}

async function loadPages(): Promise<PageOption[]> {
  const { items } = await client.listDefinitions({ kind: 'page', sort: 'name', limit: 200 });
  return Promise.all(
    items
      .filter((d) => d.status !== 'archived')
      .map(async (d) => ({
        key: d.key,
        name: d.name,
        path: d.latestVersion
          ? ((await client.getVersion(d.id, d.latestVersion)).body as { path: string }).path
          : null,
      })),
  );
}

async function loadEntities(): Promise<EntityOption[]> {
  const { items } = await client.listDefinitions({ kind: 'entity', sort: 'name', limit: 200 });
  const published = items.filter((d) => d.latestVersion !== null && d.status !== 'archived');
  return Promise.all(
    published.map(async (d) => ({
      key: d.key,
      name: d.name,
      body: (await client.getVersion(d.id, d.latestVersion as number)).body as EntityBody,
    })),
  );
}

export function usePortalLookups(): PortalLookups {
  const [lookups, setLookups] = useState<PortalLookups>({ pages: null, entities: null, failed: [] });
  useEffect(() => {
    let current = true;
    const settle = <K extends 'pages' | 'entities'>(name: K, load: Promise<PortalLookups[K]>) =>
      load.then(
        (value) => current && setLookups((l) => ({ ...l, [name]: value })),
        () => current && setLookups((l) => ({ ...l, failed: [...l.failed, name] })),
      );
    void settle('pages', loadPages());
    void settle('entities', loadEntities());
    return () => {
      current = false;
    };
  }, []);
  return lookups;
}
