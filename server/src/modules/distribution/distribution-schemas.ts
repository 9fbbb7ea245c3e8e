import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]);
const Name = Type.String({ minLength: 1, maxLength: 100 });
const DefinitionKey = Type.String({ pattern: definitionKeyPattern });

export const OperatorProfileSchema = Type.Object({
  userId: Uuid,
  status: Status,
  statusSince: Type.String({ format: 'date-time' }),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  groups: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
  lastAssignedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const QueueCountsSchema = Type.Object({ mine: Type.Integer(), team: Type.Integer() });

export const MeSchema = Type.Object({ profile: OperatorProfileSchema, counts: QueueCountsSchema });

export const StatusInputSchema = Type.Object(
  {
    status: Status,
    /** Sent by the screen on idleness or activity: never overrides a status chosen by hand. */
    auto: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Capacity 1–6 (0 is refused: an operator who takes no dialogs goes «Не в сети»); null: the lines' own figure. */
export const ProfileInputSchema = Type.Object(
  {
    capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 6 }), Type.Null()])),
    groups: Type.Optional(Type.Array(Name, { maxItems: 50, uniqueItems: true })),
    skills: Type.Optional(Type.Array(Name, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

const Note = Type.String({ maxLength: 2000 });

export const TransferInputSchema = Type.Union([
  Type.Object({ operatorId: Uuid, note: Type.Optional(Note) }, { additionalProperties: false }),
  Type.Object({ lineKey: DefinitionKey, note: Type.Optional(Note) }, { additionalProperties: false }),
]);

export const StaffMemberSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  status: Status,
  load: Type.Integer(),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  groups: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
});

export const LineSummarySchema = Type.Object({
  key: Type.String(),
  title: Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) }),
});

export const ScopeParams = Type.Object(
  { scope: Type.Union([Type.Literal('mine'), Type.Literal('team')]) },
  { additionalProperties: false },
);
