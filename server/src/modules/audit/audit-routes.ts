import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { accessScope, type EntityBody } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';
import { AuditEntryEntity } from '../../db/entities/audit-entry.js';
import { AuditSchema, errorResponses, PageOf, Paging } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import { canAudit } from '../auth/roles.js';
import { auditView } from './audit-log.js';

/** The data types (archived ones included: their records stay) whose records the actor may not read at all. */
async function unreadableTypes(db: Database, actor: Actor): Promise<string[]> {
  if (actor.roles.includes('admin')) return [];
  const types = await db.query<{ key: string; body: EntityBody | string }>(
    `select d.key, v.body from definition d
     join definition_version v on v.definition_id = d.id and v.version = d.latest_version
     where d.kind = 'entity'`,
  );
  return types
    .filter((t) => {
      const body = (typeof t.body === 'string' ? JSON.parse(t.body) : t.body) as EntityBody;
      return accessScope(body, actor.roles, 'read') === 'none';
    })
    .map((t) => t.key);
}

/** The whole audit trail, newest first, for administrators and supervisors. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/audit',
    {
      config: { access: canAudit },
      schema: {
        tags: ['audit'],
        summary: 'List audit entries',
        querystring: Type.Object(
          {
            targetType: Type.Optional(
              Type.Union([Type.Literal('record'), Type.Literal('definition'), Type.Literal('user')]),
            ),
            targetId: Type.Optional(Type.String({ maxLength: 200 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(AuditSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { targetType, targetId, limit = 50, offset = 0 } = request.query;
      // Record entries carry the data; a data type closed to the caller stays closed here too.
      const hidden = await unreadableTypes(db, request.actor!);
      const where = {
        ...(targetType ? { targetType } : {}),
        ...(targetId ? { targetId } : {}),
        ...(hidden.length ? { $not: { targetType: 'record', entity: { $in: hidden } } } : {}),
      };
      const [rows, total] = await db
        .em()
        .findAndCount(AuditEntryEntity, where, { orderBy: { id: 'desc' }, limit, offset });
      return { items: rows.map(auditView), total, limit, offset };
    },
  );
};
