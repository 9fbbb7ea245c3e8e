import type { Database, Em } from '../../db/database.js';
import { containmentPatterns } from './file-refs.js';

/**
 * Whether a live record holds the file in the field it was uploaded for. Read from the records themselves
 * (JSONB containment, served by the GIN index on record.data) rather than from a record_id kept on the file:
 * a file copied into a second record, or dropped from its first, needs no bookkeeping that could drift, and
 * no hook into every path that writes records (API, forms, scripts, imports) has to remember to keep it.
 */
export async function heldByRecord(
  db: Database,
  file: { id: string; entity: string; field: string },
  em?: Em,
): Promise<boolean> {
  const [single, multiple] = containmentPatterns(file.field, file.id);
  const rows = await db.query(
    `select 1 from record where entity = ? and deleted_at is null
     and (data @> ?::jsonb or data @> ?::jsonb) limit 1`,
    [file.entity, single, multiple],
    em,
  );
  return rows.length > 0;
}
