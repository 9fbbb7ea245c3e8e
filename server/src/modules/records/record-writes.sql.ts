import type { Database, Em } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { nextNumber } from './record-numbers.js';
import { type StoredRecord, storedColumns } from './record-view.js';

/** What a create writes besides what the database assigns (the number). */
export interface NewRecord {
  id: string;
  entity: string;
  entityVersion: number;
  data: Record<string, unknown>;
  title: string;
  searchText: string;
  at: Date;
}

/** The audit row's actor columns, as `audit()` in audit-log.ts fills them. */
const actorParams = (actor: Actor | null) => [actor?.id ?? null, actor?.name ?? null];

/**
 * The record, its number (from its type's sequence) and its `create` audit row in one statement. The audit row's
 * `after` is the stored data itself (no second copy of it crosses the wire).
 */
export async function insertRecord(
  db: Database,
  tx: Em,
  record: NewRecord,
  actor: Actor | null,
): Promise<number> {
  const [row] = await db.query<{ number: string | number }>(
    `with inserted as (
       insert into record (id, entity, number, entity_version, data, title, search_text, version,
                           created_at, updated_at, created_by, created_by_id, updated_by)
       values (?::uuid, ?, ${nextNumber}, ?::int, ?::jsonb, ?, ?, 1, ?::timestamptz, ?::timestamptz, ?, ?::uuid, ?)
       returning id, number, data
     ), audited as (
       insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
       select ?::timestamptz, ?, ?, 'create', 'record', id::text, ?, null, data from inserted
     )
     select number from inserted`,
    [
      record.id,
      record.entity,
      record.entity,
      record.entityVersion,
      JSON.stringify(record.data),
      record.title,
      record.searchText,
      record.at,
      record.at,
      actor?.name ?? null,
      actor?.id ?? null,
      actor?.name ?? null,
      record.at,
      ...actorParams(actor),
      record.entity,
    ],
    tx,
  );
  return Number(row!.number);
}

/** What an update changes (the same columns a create writes); the row is already locked by {@link lockRecord}. */
export type RecordChange = NewRecord;

/**
 * The new data and its `update` audit row in one statement. `before` is read by the same statement (its
 * snapshot precedes the update), so the old data need not travel back to the database.
 */
export async function updateRecord(db: Database, tx: Em, change: RecordChange, actor: Actor | null) {
  await db.query(
    `with old as (
       select id, data from record where id = ?::uuid
     ), updated as (
       update record set data = ?::jsonb, entity_version = ?::int, title = ?, search_text = ?,
                         version = version + 1, updated_at = ?::timestamptz, updated_by = ?
       where id = ?::uuid
       returning id, data
     )
     insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
     select ?::timestamptz, ?, ?, 'update', 'record', updated.id::text, ?, old.data, updated.data
     from updated join old on old.id = updated.id`,
    [
      change.id,
      JSON.stringify(change.data),
      change.entityVersion,
      change.title,
      change.searchText,
      change.at,
      actor?.name ?? null,
      change.id,
      change.at,
      ...actorParams(actor),
      change.entity,
    ],
    tx,
  );
}

/**
 * Soft-deletes the record at `version` with its `delete` audit row, in one statement; null when no live record
 * of the type has that id and version (the caller tells a missing record from a stale version).
 */
export async function deleteRecord(
  db: Database,
  tx: Em,
  target: { entity: string; id: string; version: number; at: Date },
  actor: Actor | null,
): Promise<{ id: string } | null> {
  const [row] = await db.query<{ id: string }>(
    `with deleted as (
       update record set deleted_at = ?::timestamptz, version = version + 1, updated_by = ?
       where id = ?::uuid and entity = ? and deleted_at is null and version = ?::int
       returning id, data
     ), audited as (
       insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
       select ?::timestamptz, ?, ?, 'delete', 'record', id::text, ?, data, null from deleted
     )
     select id from deleted`,
    [
      target.at,
      actor?.name ?? null,
      target.id,
      target.entity,
      target.version,
      target.at,
      ...actorParams(actor),
      target.entity,
    ],
    tx,
  );
  return row ?? null;
}

/**
 * One live (or, with `includeDeleted`, any) record of the type, the columns a view and an ownership check need
 * (never the search vector); `forUpdate` locks it for the rest of the transaction.
 */
export async function selectRecord(
  db: Database,
  em: Em | undefined,
  entity: string,
  id: string,
  options: { forUpdate?: boolean; includeDeleted?: boolean } = {},
): Promise<StoredRecord | null> {
  const [row] = await db.query<StoredRecord>(
    `select ${storedColumns} from record
     where id = ?::uuid and entity = ?${options.includeDeleted ? '' : ' and deleted_at is null'}
     ${options.forUpdate ? 'for update' : ''}`,
    [id, entity],
    em,
  );
  return row ?? null;
}
