import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  errorResponses,
  IdParams,
  LocaleSchema,
  PageOf,
  Paging,
  RoleSchema,
  UserSchema,
} from '../../http/schemas.js';
import { adminOnly } from '../auth/roles.js';
import { userView } from '../auth/user-view.js';
import type { UserService } from './user-service.js';

const Password = Type.String({ minLength: 8, maxLength: 200 });
const Email = Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]);
const Roles = Type.Array(RoleSchema, { minItems: 1, maxItems: 6 });

/** User administration. */
export const userRoutes: FastifyPluginAsyncTypebox<{ users: UserService }> = async (app, { users }) => {
  app.get(
    '/users',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 200 })), ...Paging },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(UserSchema), ...errorResponses },
      },
    },
    async (request) => users.list(request.query.q, request.query.limit ?? 50, request.query.offset ?? 0),
  );

  app.post(
    '/users',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: Type.Object(
          {
            login: Type.String({ pattern: '^[a-zA-Z0-9._@-]{2,100}$' }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            email: Type.Optional(Email),
            password: Password,
            roles: Roles,
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(userView(await users.create(request.body, request.actor))),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: adminOnly },
      schema: {
        tags: ['users'],
        summary: 'Change a user (roles, password, deactivate)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Email),
            password: Type.Optional(Password),
            roles: Type.Optional(Roles),
            active: Type.Optional(Type.Boolean()),
            locale: Type.Optional(LocaleSchema),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => userView(await users.update(request.params.id, request.body, request.actor)),
  );
};
