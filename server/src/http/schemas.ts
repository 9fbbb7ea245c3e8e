import { literals } from '@opora/runtime/definitions';
import { type TSchema, Type } from '@sinclair/typebox';

/** Schemas shared by many routes; response schemas double as the OpenAPI document. */
export const NoContent = Type.Null({ description: 'No content' });
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(
      Type.Object({ pointer: Type.String(), message: Type.String(), code: Type.Optional(Type.String()) }),
    ),
  }),
});

/** The furthest a list may be paged: beyond it PostgreSQL's OFFSET overflows (a 500 until it was capped). */
export const maxOffset = 1_000_000_000;

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset, default: 0 })),
};

export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    /** Lists that count only up to 10,000 set it when more match (`total` is then 10,000). */
    totalCapped: Type.Optional(Type.Boolean()),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

export const RoleSchema = literals(['admin', 'analyst', 'developer', 'operator', 'supervisor', 'client']);
export const LocaleSchema = Type.Union([Type.Literal('ru'), Type.Literal('en')]);

export const UserSchema = Type.Object({
  id: Type.String(),
  login: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  locale: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String(),
});

/** Error responses every protected route can give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

export const AuditSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
