import type { AuditEntry } from '@opora/sdk';
import type { Em } from '../../db/database.js';
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
