import { type EntityBody, type PortalAccount, type PortalBody, portalKey } from '@opora/runtime/definitions';
import type { Database, Em } from '../../db/database.js';
import type { DefinitionService } from '../definitions/definition-service.js';

/**
 * Which data types hold clients and their requests, from the published portal; null when none says so. Read on
 * every record save (the request listeners), so from the published-definitions cache.
 */
export async function portalAccount(definitions: DefinitionService, em?: Em): Promise<PortalAccount | null> {
  const portal = await definitions.publishedCache.get('portal', portalKey, em);
  return (portal?.body as PortalBody | undefined)?.account ?? null;
}

export async function publishedEntity(
  definitions: DefinitionService,
  key: string,
  em?: Em,
): Promise<EntityBody | null> {
  return ((await definitions.publishedCache.get('entity', key, em))?.body as EntityBody | undefined) ?? null;
}

/** The client record a portal account is linked to (null for staff and for accounts made by hand). */
export async function linkedRecord(db: Database, userId: string, em?: Em): Promise<string | null> {
  const [row] = await db.query<{ record_id: string | null }>(
    'select record_id from app_user where id = ?',
    [userId],
    em,
  );
  return row?.record_id ?? null;
}

/** The ids a relation value holds (one, or several for a to-many relation). */
export const relationIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** A `data @> …` condition matching records whose relation field points at id, to-one or to-many (GIN-indexed). */
export function pointsAt(field: string, id: string): { sql: string; params: string[] } {
  return {
    sql: '(data @> ?::jsonb or data @> ?::jsonb)',
    params: [JSON.stringify({ [field]: id }), JSON.stringify({ [field]: [id] })],
  };
}
