import { cappedCount } from '../../db/capped-count.js';
import type { Database, Em } from '../../db/database.js';
import { AuditEntryEntity } from '../../db/entities/audit-entry.js';
import { auditView } from '../audit/audit-log.js';

/**
 * A page of a record's change history, newest first: by the id of the last entry shown (`after`, the page's
 * `nextCursor`) or by offset, with the total counted only up to the cap.
 */
export async function auditPage(
  db: Database,
  em: Em,
  id: string,
  { limit, offset, after }: { limit: number; offset: number; after?: string },
) {
  const [rows, counted] = await Promise.all([
    em.find(
      AuditEntryEntity,
      { targetType: 'record', targetId: id, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1, offset: after ? 0 : offset },
    ),
    cappedCount(db, `from audit_log where target_type = 'record' and target_id = ?`, [id]),
  ]);
  const page = rows.slice(0, limit);
  return {
    items: page.map(auditView),
    ...counted,
    limit,
    offset,
    nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
  };
}
