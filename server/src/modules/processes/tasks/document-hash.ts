import { createHash } from 'node:crypto';
import type { Database, Em } from '../../../db/database.js';
import { canonicalJson } from '../../definitions/canonical-json.js';
import type { ProcessDocuments } from '../process-documents.js';

/** The content hash of a document: sha256 of its data fields as canonical JSON (key order does not count). */
export function documentHash(data: unknown): string {
  const fields = typeof data === 'string' ? JSON.parse(data) : data;
  return createHash('sha256')
    .update(canonicalJson(fields ?? {}))
    .digest('hex');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record's current content hash, read in tx; undefined when the record is gone (nothing to compare). A
 * module's document (`@kb-article`) hashes the content its type reads.
 */
export async function currentDocumentHash(
  db: Database,
  documents: ProcessDocuments,
  tx: Em,
  record: { entity: string; id: string },
): Promise<string | undefined> {
  const document = documents.of(record.entity);
  if (document) {
    const found = await document.read(tx, record.id);
    return found ? documentHash(found.content) : undefined;
  }
  if (!uuid.test(record.id)) return undefined;
  const [row] = await db.query<{ data: unknown }>(
    'select data from record where entity = ? and id = ? and deleted_at is null',
    [record.entity, record.id],
    tx,
  );
  return row ? documentHash(row.data) : undefined;
}
