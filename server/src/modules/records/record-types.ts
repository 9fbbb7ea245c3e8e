import type { EntityBody } from '@opora/runtime/definitions';
import type { RecordType } from '@opora/sdk';
import type { Database } from '../../db/database.js';
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

  async summaries(): Promise<{ items: RecordType[] }> {
    return {
      items: (await this.all()).map((t) => ({
        key: t.key,
        version: t.version,
        label: t.body.label,
        pluralLabel: t.body.pluralLabel ?? null,
      })),
    };
  }
}
