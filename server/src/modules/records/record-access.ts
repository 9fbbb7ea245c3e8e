import {
  type AccessScope,
  accessScope,
  type EntityBody,
  type RecordOperation,
  rolesAllowed,
} from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import type { Actor } from '../auth/actor.js';
import type { SqlPart } from './record-query.js';

/** Whose records "own" means for a client: theirs by creation, and those linked to their client record. */
export interface Owner {
  userId: string;
  clientId: string | null;
  /** The data type of the client record, so relation fields pointing at it can be recognised. */
  clientEntity: string | null;
}

/** A record as far as ownership goes. */
export interface OwnedRecord {
  id: string;
  createdById: string | null;
  data: Record<string, unknown>;
}

/**
 * The per-type rights of records (`access` on the data type) applied to one caller. A type-wide refusal is a
 * 403 (that the type exists is no secret); a record outside a client's own is a 404, like one that does not
 * exist, so ids reveal nothing. A null actor is the server itself and may do everything.
 */
export class RecordAccess {
  constructor(private readonly db: Database) {}

  /** The scope of `operation` for the actor, refusing with 403 when it has none. */
  scope(entity: string, body: EntityBody, actor: Actor | null, operation: RecordOperation): AccessScope {
    if (!actor) return 'all';
    const scope = accessScope(body, actor.roles, operation);
    if (scope === 'none') throw fail.recordsForbidden(entity, operation, rolesAllowed(body, operation));
    return scope;
  }

  /** The owner for an own-only scope, null when the scope is every record. */
  async ownerFor(
    entity: string,
    body: EntityBody,
    actor: Actor | null,
    operation: RecordOperation,
    em?: Em,
  ): Promise<Owner | null> {
    const scope = this.scope(entity, body, actor, operation);
    return scope === 'own' && actor ? this.owner(actor, em) : null;
  }

  async owner(actor: Actor, em?: Em): Promise<Owner> {
    const [row] = await this.db.query<{ record_id: string | null; entity: string | null }>(
      'select u.record_id, r.entity from app_user u left join record r on r.id = u.record_id where u.id = ?',
      [actor.id],
      em,
    );
    return { userId: actor.id, clientId: row?.record_id ?? null, clientEntity: row?.entity ?? null };
  }

  /** The records of the type the owner owns, as a condition on the `record` table. */
  ownedSql(entity: string, body: EntityBody, owner: Owner): SqlPart {
    const parts = ['created_by_id = ?'];
    const params: unknown[] = [owner.userId];
    if (owner.clientId) {
      parts.push('id = ?');
      params.push(owner.clientId);
      for (const field of clientLinks(entity, body, owner)) {
        parts.push('data @> ?::jsonb');
        params.push(JSON.stringify({ [field.key]: field.many ? [owner.clientId] : owner.clientId }));
      }
    }
    return { sql: `(${parts.join(' or ')})`, params };
  }

  /** The same decision for one loaded record. */
  owns(entity: string, body: EntityBody, owner: Owner, record: OwnedRecord): boolean {
    if (record.createdById === owner.userId) return true;
    if (!owner.clientId) return false;
    if (record.id === owner.clientId) return true;
    return clientLinks(entity, body, owner).some((field) =>
      linkedIds(record.data[field.key]).includes(owner.clientId!),
    );
  }

  /**
   * Relation fields a client sets to somebody else's client record: refused, so nobody files a record in
   * another client's name (which would also show it in that client's «Мои обращения»).
   */
  foreignLinks(body: EntityBody, owner: Owner, data: Record<string, unknown>): string[] {
    if (!owner.clientEntity) return [];
    return body.fields
      .filter((f) => f.type === 'relation' && f.entity === owner.clientEntity)
      .filter((f) => linkedIds(data[f.key]).some((id) => id !== owner.clientId))
      .map((f) => f.key);
  }
}

/**
 * Relation fields of the type that point at the client's type; none on the client type itself, where a link
 * from another client record does not make that record the caller's.
 */
function clientLinks(entity: string, body: EntityBody, owner: Owner) {
  if (!owner.clientEntity || entity === owner.clientEntity) return [];
  return body.fields.flatMap((f) =>
    f.type === 'relation' && f.entity === owner.clientEntity ? [{ key: f.key, many: f.many === true }] : [],
  );
}

const linkedIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
