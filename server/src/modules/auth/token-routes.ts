import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';
import { ApiTokenEntity } from '../../db/entities/api-token.js';
import { fail } from '../../http/app-error.js';
import { errorResponses, IdParams, NoContent } from '../../http/schemas.js';
import type { IdentityService } from './identity-service.js';
import { staff } from './roles.js';

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

const tokenView = (t: ApiTokenEntity) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** API tokens for integrations; each acts with the roles of the user who issued it. */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ db: Database; identity: IdentityService }> = async (
  app,
  { db, identity },
) => {
  app.get(
    '/tokens',
    {
      config: { access: staff },
      schema: {
        tags: ['auth'],
        summary: 'My API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await db
        .em()
        .find(ApiTokenEntity, { userId: request.actor!.id }, { orderBy: { createdAt: 'desc' } });
      return { items: rows.map(tokenView) };
    },
  );

  app.post(
    '/tokens',
    {
      config: { access: staff },
      schema: {
        tags: ['auth'],
        summary: 'Issue an API token (the secret is shown once)',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ token: Type.String(), item: TokenSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, item } = await identity.issueToken(request.actor!.id, request.body.name);
      return reply.status(201).send({ token, item: tokenView(item) });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: staff },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      identity.credentialsChanging(request.actor!.id);
      const deleted = await db
        .em()
        .nativeDelete(ApiTokenEntity, { id: request.params.id, userId: request.actor!.id });
      if (!deleted) throw fail.notFound(`token ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );
};
