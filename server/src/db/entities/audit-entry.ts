import { EntitySchema } from '@mikro-orm/core';

/** Append-only trail of every change: who, when, what it looked like before and after. */
export class AuditEntryEntity {
  id!: string;
  at!: Date;
  actorId: string | null = null;
  actorName: string | null = null;
  action!: string;
  targetType!: string;
  targetId!: string;
  entity: string | null = null;
  before: unknown = null;
  after: unknown = null;
}

export const auditEntrySchema = new EntitySchema<AuditEntryEntity>({
  class: AuditEntryEntity,
  tableName: 'audit_log',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    at: { type: 'Date', columnType: 'timestamptz' },
    actorId: { type: 'text', nullable: true },
    actorName: { type: 'text', nullable: true },
    action: { type: 'text' },
    targetType: { type: 'text' },
    targetId: { type: 'text' },
    entity: { type: 'text', nullable: true },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
  },
});
