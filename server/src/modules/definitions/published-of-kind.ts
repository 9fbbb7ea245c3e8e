import type { DefinitionKind } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';

export interface PublishedBody {
  key: string;
  version: number;
  body: unknown;
}

/** The latest published version of every definition of a kind that is not archived, in key order; one query. */
export async function publishedOfKind(db: Database, kind: DefinitionKind, em?: Em): Promise<PublishedBody[]> {
  const rows = await db.query<{ key: string; version: number; body: unknown }>(
    `select d.key, v.version, v.body
     from definition d join definition_version v on v.definition_id = d.id and v.version = d.latest_version
     where d.kind = ? and d.status <> 'archived' order by d.key`,
    [kind],
    em,
  );
  return rows.map((row) => ({
    key: row.key,
    version: row.version,
    body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
  }));
}
