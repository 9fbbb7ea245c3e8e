import type { InstanceStatus } from '@opora/runtime/processes';
import type { Database } from '../../../db/database.js';
import { fail } from '../../../http/app-error.js';
import { type InstanceRow, instanceRow } from './instance-rows.js';

export interface InstanceFilter {
  process?: string;
  status?: InstanceStatus;
  /** `ENTITY:ID`. */
  record?: string;
  limit: number;
  after?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a page ends: the last instance's start and id, opaque to clients. */
const encodeCursor = (row: InstanceRow) =>
  Buffer.from(JSON.stringify([row.startedAt.toISOString(), row.id])).toString('base64url');

function decodeCursor(text: string): { at: Date; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw fail.badCursor('after', { key: 'cursor_unreadable' });
  }
  const [at, id] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const date = typeof at === 'string' ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || typeof id !== 'string' || !uuid.test(id))
    throw fail.badCursor('after', { key: 'cursor_unreadable' });
  return { at: date, id };
}

/** A page of instances, newest first, keyset-paged by (started_at, id). */
export async function listInstances(db: Database, filter: InstanceFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.process) {
    where.push('process_key = ?');
    params.push(filter.process);
  }
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.record) {
    const colon = filter.record.indexOf(':');
    where.push('record_entity = ? and record_id = ?');
    params.push(filter.record.slice(0, colon), filter.record.slice(colon + 1));
  }
  if (filter.after) {
    const cursor = decodeCursor(filter.after);
    where.push('(started_at, id) < (?::timestamptz, ?::uuid)');
    params.push(cursor.at, cursor.id);
  }
  const rows = await db.query<Record<string, unknown>>(
    `select * from process_instance ${where.length ? `where ${where.join(' and ')}` : ''}
      order by started_at desc, id desc limit ?`,
    [...params, filter.limit + 1],
  );
  const items = rows.slice(0, filter.limit).map(instanceRow);
  const last = items[items.length - 1];
  return { items, ...(rows.length > filter.limit && last ? { nextCursor: encodeCursor(last) } : {}) };
}
