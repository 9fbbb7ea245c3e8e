import type { EntityBody } from '@opora/runtime/definitions';
import { useEffect, useState } from 'react';
import { client } from '../lib/api';

/** A relation field of some type that points at the form's type: what a «related records» list can show. */
export interface RelationCandidate {
  entity: string;
  entityLabel: { ru: string; en?: string };
  field: string;
  fieldLabel: { ru: string; en?: string };
}

/** Published types with a relation to `target` (e.g. requests → client), for the «related records» element. */
export function useRelationCandidates(target: string): RelationCandidate[] {
  const [candidates, setCandidates] = useState<RelationCandidate[]>([]);
  useEffect(() => {
    let current = true;
    (async () => {
      const { items } = await client.listDefinitions({ kind: 'entity', limit: 200 });
      const published = items.filter((d) => d.latestVersion);
      const bodies = await Promise.all(
        published.map(async (d) => ({
          key: d.key,
          body: (await client.getVersion(d.id, d.latestVersion as number)).body as EntityBody,
        })),
      );
      return bodies.flatMap(({ key, body }) =>
        body.fields
          .filter((f) => f.type === 'relation' && f.entity === target)
          .map((f) => ({
            entity: key,
            entityLabel: body.pluralLabel ?? body.label,
            field: f.key,
            fieldLabel: f.label,
          })),
      );
    })().then(
      (found) => current && setCandidates(found),
      // Without the list the element cannot be offered; the rest of the designer works on.
      () => current && setCandidates([]),
    );
    return () => {
      current = false;
    };
  }, [target]);
  return candidates;
}
