import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { secretNamePattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { errorResponses, NoContent } from '../../http/schemas.js';
import { adminOnly } from '../auth/roles.js';
import type { SecretService } from './secret-service.js';

const tags = ['secrets'];
const NameParams = Type.Object(
  { name: Type.String({ pattern: secretNamePattern }) },
  { additionalProperties: false },
);
const SecretSummarySchema = Type.Object({
  name: Type.String(),
  description: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});

/** Write-only secrets: values go in, names and dates come out. */
export const secretRoutes: FastifyPluginAsyncTypebox<{ secrets: SecretService }> = async (
  app,
  { secrets },
) => {
  app.get(
    '/secrets',
    {
      // Developers see the names so their scripts and integrations can refer to them.
      config: { access: ['admin', 'developer'] },
      schema: {
        tags,
        summary: 'Secret names and when they were set (values are never returned)',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SecretSummarySchema) }), ...errorResponses },
      },
    },
    (request) => secrets.list(request.query.q),
  );

  app.put(
    '/secrets/:name',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Set a secret (encrypted at rest; the value cannot be read back)',
        params: NameParams,
        body: Type.Object(
          {
            value: Type.String({ minLength: 1, maxLength: 10_000 }),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SecretSummarySchema, ...errorResponses },
      },
    },
    (request) =>
      secrets.put(request.params.name, request.body.value, request.body.description, request.actor),
  );

  app.delete(
    '/secrets/:name',
    {
      config: { access: adminOnly },
      schema: {
        tags,
        summary: 'Delete a secret',
        params: NameParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await secrets.remove(request.params.name);
      return reply.status(204).send(null);
    },
  );
};
