import { Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { ConversationSchema } from '../conversations/conversation-schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const Status = Type.Union([Type.Literal('online'), Type.Literal('away'), Type.Literal('offline')]);
const BreachKind = Type.Union([Type.Literal('first_response'), Type.Literal('resolution')]);
const Channel = Type.String();
const Csat = Type.Object({ average: Nullable(Type.Number()), count: Type.Integer() });

const BoardDialogSchema = Type.Object({
  id: Uuid,
  clientName: Nullable(Type.String()),
  channel: Channel,
  handler: Type.Union([Type.Literal('queue'), Type.Literal('operator'), Type.Literal('bot')]),
  operatorId: Nullable(Uuid),
  operatorName: Nullable(Type.String()),
  since: Time,
  queuedAt: Nullable(Time),
  openedAt: Time,
  firstResponseAt: Nullable(Time),
  firstResponseDue: Nullable(Time),
  resolutionDue: Nullable(Time),
  breach: Nullable(BreachKind),
});

const BoardLineSchema = Type.Object({
  key: Type.String(),
  botOnly: Type.Boolean(),
  title: Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) }),
  sla: Type.Object({
    firstResponseSeconds: Nullable(Type.Integer()),
    resolutionSeconds: Nullable(Type.Integer()),
  }),
  waiting: Type.Integer(),
  oldestQueuedAt: Nullable(Time),
  longestWaitSeconds: Nullable(Type.Integer()),
  inProgress: Type.Integer(),
  withBot: Type.Integer(),
  breaches: Type.Integer(),
  dialogs: Type.Array(BoardDialogSchema),
  operators: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      status: Status,
      load: Type.Integer(),
      capacity: Type.Integer(),
    }),
  ),
  csat: Csat,
});

export const BoardSchema = Type.Object({
  now: Time,
  dayStart: Time,
  timeZone: Type.String(),
  dialogsLimit: Type.Integer(),
  lines: Type.Array(BoardLineSchema),
  operatorsCsat: Type.Array(Type.Composite([Type.Object({ id: Uuid, name: Type.String() }), Csat])),
  csat: Csat,
});

export const BreachPageSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      conversationId: Uuid,
      lineKey: Type.String(),
      kind: BreachKind,
      dueAt: Time,
      status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
      clientName: Nullable(Type.String()),
      channel: Channel,
      operatorId: Nullable(Uuid),
      operatorName: Nullable(Type.String()),
    }),
  ),
  hasMore: Type.Boolean(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});

export const AssignInputSchema = Type.Object({ operatorId: Uuid }, { additionalProperties: false });

export const AssignmentSchema = Type.Object({
  conversation: ConversationSchema,
  overCapacity: Type.Boolean(),
  load: Type.Integer(),
  capacity: Type.Integer(),
});
