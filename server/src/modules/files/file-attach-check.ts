import type { Problem } from '@opora/runtime/definitions';
import type { Database } from '../../db/database.js';
import { message } from '../../http/messages.js';
import type { RecordAccess } from '../records/record-access.js';
import type { RecordSaveCheck } from '../records/record-save-check.js';
import { heldByReadableRecord } from './file-holders.js';
import { type FoundRef, fileRefsIn } from './file-refs.js';

// Lower-case only: download finds holders by the exact text of the id stored in the record.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface FileRow {
  id: string;
  entity: string;
  field: string;
  size: string | number;
  content_type: string;
  created_by: string | null;
}

/**
 * A record may only gain references to files uploaded for that very field, described as they were stored, and
 * (unless the file already sits in a record) uploaded by the person saving: otherwise a file id seen once would
 * let anyone attach someone else's unfinished upload, or a file of a record they may not read, and so read it. References the record already had are
 * left alone, as relation checks do.
 */
export function fileAttachCheck(db: Database, access: RecordAccess): RecordSaveCheck {
  return async ({ tx, entity, body, data, before, actor, locale }) => {
    const had = new Set(before ? fileRefsIn(body, before).map(key) : []);
    const added = fileRefsIn(body, data).filter((found) => !had.has(key(found)));
    if (!added.length) return [];
    const ids = [...new Set(added.map((f) => f.ref.id).filter((id) => uuidPattern.test(id)))];
    const rows = ids.length
      ? await db.query<FileRow>(
          `select id, entity, field, size, content_type, created_by from file
           where id::text = any(string_to_array(?, ','))`,
          [ids.join(',')],
          tx,
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems: Problem[] = [];
    for (const found of added) {
      const row = byId.get(found.ref.id);
      const fits =
        row !== undefined &&
        row.entity === entity &&
        row.field === found.path &&
        Number(row.size) === found.ref.size &&
        row.content_type === found.ref.contentType &&
        (actor === null ||
          row.created_by === actor.id ||
          (await heldByReadableRecord(db, access, row, body, actor, tx)));
      if (!fits)
        problems.push({
          pointer: found.pointer,
          code: 'file_ref',
          message: message(locale, 'file_ref_invalid', { name: found.ref.name }),
        });
    }
    return problems;
  };
}

const key = (found: FoundRef) => `${found.path}:${found.ref.id}`;
