import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/** Titles of the records a request links to (its client, its company), so people read names, not ids. */
export function useRelationTitles(entity: EntityBody | null, record: RecordItem): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const links = (entity?.fields ?? []).flatMap((f) =>
      f.type === 'relation' && typeof record.data[f.key] === 'string'
        ? [{ key: f.key, entity: f.entity, id: record.data[f.key] as string }]
        : [],
    );
    void Promise.all(
      links.map((link) =>
        client.getRecord(link.entity, link.id).then(
          (r) => [link.key, r.title] as const,
          () => [link.key, ''] as const,
        ),
      ),
    ).then((pairs) => live && setTitles(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [entity, record]);
  return titles;
}
