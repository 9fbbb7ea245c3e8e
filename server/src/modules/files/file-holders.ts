import { accessScope, type EntityBody } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import type { RecordAccess } from '../records/record-access.js';
import type { SqlPart } from '../records/record-query.js';
import { containmentPatterns } from './file-refs.js';

interface HeldFile {
  id: string;
  entity: string;
  field: string;
}

/**
 * Whether a live record holds the file in the field it was uploaded for. Read from the records themselves
 * (JSONB containment, served by the GIN index on record.data) rather than from a record_id kept on the file:
 * a file copied into a second record, or dropped from its first, needs no bookkeeping that could drift, and
 * no hook into every path that writes records (API, forms, scripts, imports) has to remember to keep it.
 * `among` narrows the records that count (a client's own).
 */
export async function heldByRecord(db: Database, file: HeldFile, among?: SqlPart, em?: Em): Promise<boolean> {
  const [single, multiple] = containmentPatterns(file.field, file.id);
  const rows = await db.query(
    `select 1 from record where entity = ? and deleted_at is null
     and (data @> ?::jsonb or data @> ?::jsonb)${among ? ` and ${among.sql}` : ''} limit 1`,
    [file.entity, single, multiple, ...(among?.params ?? [])],
    em,
  );
  return rows.length > 0;
}

/** Whether a live record that the actor may read holds the file (a null actor, the server, reads all). */
export async function heldByReadableRecord(
  db: Database,
  access: RecordAccess,
  file: HeldFile,
  body: EntityBody,
  actor: Actor | null,
  em?: Em,
): Promise<boolean> {
  if (!actor) return heldByRecord(db, file, undefined, em);
  const scope = accessScope(body, actor.roles, 'read');
  if (scope === 'none') return false;
  const among =
    scope === 'own' ? access.ownedSql(file.entity, body, await access.owner(actor, em)) : undefined;
  return heldByRecord(db, file, among, em);
}
