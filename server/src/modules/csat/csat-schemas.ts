import { Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { csatTokenPattern } from './csat-token.js';

const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const CsatSchema = Type.Object({
  conversationId: Uuid,
  channel: Type.String(),
  lineKey: Nullable(Type.String()),
  operatorId: Nullable(Type.String()),
  askedAt: Instant,
  score: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
  comment: Nullable(Type.String()),
  ratedAt: Nullable(Instant),
});

export const TokenParams = Type.Object(
  { token: Type.String({ pattern: csatTokenPattern }) },
  { additionalProperties: false },
);

const Comment = Type.String({ maxLength: 2000 });

export const RateInput = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Comment) },
  { additionalProperties: false },
);

export const CommentInput = Type.Object({ comment: Comment }, { additionalProperties: false });

/** What the e-mailed link's page shows: the rating so far and whether it can still change. */
export const TokenRatingSchema = Type.Object({
  score: Type.Union([Type.Integer(), Type.Null()]),
  comment: Nullable(Type.String()),
  expiresAt: Instant,
  changeable: Type.Boolean(),
});

export const StatsQuery = Type.Object(
  {
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    line: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    operator: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const count = Type.Integer({ minimum: 0 });
export const StatsSchema = Type.Object({
  count,
  average: Type.Union([Type.Number(), Type.Null()]),
  distribution: Type.Object({ '1': count, '2': count, '3': count, '4': count, '5': count }),
  asked: count,
});
