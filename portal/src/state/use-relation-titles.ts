import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordItem } from '@opora/sdk';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/**
 * Titles of the records a request links to (its client, its company) and names of the people in its user fields
 * (its assignee), so people read names, not ids.
 */
export function useRelationTitles(entity: EntityBody | null, record: RecordItem): Record<string, string> {
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const links = (entity?.fields ?? []).flatMap((f) =>
      f.type === 'relation' && typeof record.data[f.key] === 'string'
        ? [{ key: f.key, entity: f.entity, id: record.data[f.key] as string }]
        : [],
    );
    const people = (entity?.fields ?? []).flatMap((f) =>
      f.type === 'user' && typeof record.data[f.key] === 'string'
        ? [{ key: f.key, id: record.data[f.key] as string }]
        : [],
    );
    // An ellipsis while the names load, rather than ids flashing by.
    setTitles(Object.fromEntries([...links, ...people].map((link) => [link.key, '…'])));
    const names = people.length
      ? client.lookupUsers({ ids: people.map((p) => p.id), limit: 100 }).then(
          (page) => new Map(page.items.map((p) => [p.id, p.name])),
          () => new Map<string, string>(),
        )
      : Promise.resolve(new Map<string, string>());
    const titled = links.map((link) =>
      client.getRecord(link.entity, link.id).then(
        (r): [string, string] => [link.key, r.title],
        (): [string, string] => [link.key, ''],
      ),
    );
    const named = names.then((known) => people.map((p): [string, string] => [p.key, known.get(p.id) ?? '']));
    void Promise.all([Promise.all(titled), named]).then(
      ([records, users]) => live && setTitles(Object.fromEntries([...records, ...users])),
    );
    return () => {
      live = false;
    };
  }, [entity, record]);
  return titles;
}
