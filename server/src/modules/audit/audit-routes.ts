import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';
import { AuditEntryEntity } from '../../db/entities/audit-entry.js';
import { AuditSchema, errorResponses, PageOf, Paging } from '../../http/schemas.js';
import { canAudit } from '../auth/roles.js';
import { auditView } from './audit-log.js';

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
      const where = { ...(targetType ? { targetType } : {}), ...(targetId ? { targetId } : {}) };
      const [rows, total] = await db
        .em()
        .findAndCount(AuditEntryEntity, where, { orderBy: { id: 'desc' }, limit, offset });
      return { items: rows.map(auditView), total, limit, offset };
    },
  );
};
