import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, Uuid } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { UserDirectory } from './user-directory.js';

/** Staff pick colleagues for user fields without the administrators' user list (no logins, roles or e-mail). */
export const userLookupRoutes: FastifyPluginAsyncTypebox<{ directory: UserDirectory }> = async (
  app,
  { directory },
) => {
  app.get(
    '/users/lookup',
    {
      config: { access: staff },
      schema: {
        tags: ['users'],
        summary: 'Colleagues by name (q) or by id (ids), names only',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            ids: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    (request) => directory.lookup(request.query),
  );
};
