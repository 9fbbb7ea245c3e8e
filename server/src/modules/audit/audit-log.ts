import type { AuditEntry } from '@opora/sdk';
import type { Database, Em } from '../../db/database.js';
import { AuditEntryEntity } from '../../db/entities/audit-entry.js';
import type { Actor } from '../auth/actor.js';

export interface AuditInput {
  action: AuditEntry['action'];
  targetType: AuditEntry['targetType'];
  targetId: string;
  entity?: string;
  before?: unknown;
  after?: unknown;
  /** When the change happened (the service's clock). */
  at: Date;
}

/** Adds an audit row to the caller's unit of work, so it commits (or not) with the change it describes. */
export function audit(em: Em, actor: Actor | null, input: AuditInput): void {
  em.persist(
    Object.assign(new AuditEntryEntity(), {
      at: input.at,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      entity: input.entity ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
    }),
  );
}

/**
 * {@link audit} for a hot path that writes through raw SQL: the row goes with the transaction's next statement or
 * its commit (`Database.defer`), not as an ORM flush of its own just before the commit.
 */
export function auditLater(db: Database, tx: Em, actor: Actor | null, input: AuditInput): Promise<void> {
  return db.defer(
    `insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, entity, before, after)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
    [
      input.at,
      actor?.id ?? null,
      actor?.name ?? null,
      input.action,
      input.targetType,
      input.targetId,
      input.entity ?? null,
      input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
      input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
    ],
    tx,
  );
}

export const auditView = (row: AuditEntryEntity): AuditEntry => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
  action: row.action as AuditEntry['action'],
  targetType: row.targetType as AuditEntry['targetType'],
  targetId: row.targetId,
  before: row.before,
  after: row.after,
});
