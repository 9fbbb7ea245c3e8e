import { type AccessScope, accessScope, type EntityBody, recordOperations } from '@opora/runtime/definitions';
import type { RecordType } from '@opora/sdk';
import type { Database } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { publishedOfKind } from '../definitions/published-of-kind.js';

export interface PublishedType {
  key: string;
  version: number;
  body: EntityBody;
}

/** The published data types staff work with: what the work screens navigate between and link across. */
export class RecordTypes {
  constructor(private readonly db: Database) {}

  async all(): Promise<PublishedType[]> {
    return (await publishedOfKind(this.db, 'entity')).map((p) => ({ ...p, body: p.body as EntityBody }));
  }

  /** The types the actor may read, each with how far each operation reaches for them (screens hide the rest). */
  async summaries(actor: Actor): Promise<{ items: RecordType[] }> {
    const items: RecordType[] = [];
    for (const t of await this.all()) {
      const access = Object.fromEntries(
        recordOperations.map((operation) => [operation, accessScope(t.body, actor.roles, operation)]),
      ) as Record<(typeof recordOperations)[number], AccessScope>;
      if (access.read === 'none') continue;
      items.push({
        key: t.key,
        version: t.version,
        label: t.body.label,
        pluralLabel: t.body.pluralLabel ?? null,
        access,
      });
    }
    return { items };
  }
}
