import { AttachmentRefSchema, MessagePartSchema, messageLimits } from '@opora/runtime/conversations';
import { Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ConversationSchema = Type.Object({
  id: Uuid,
  channel: Type.String(),
  channelKey: Type.String(),
  lineKey: Nullable(Type.String()),
  contactId: Uuid,
  clientRecordId: Nullable(Uuid),
  requestRecordId: Nullable(Uuid),
  subject: Nullable(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  handler: Type.Union([Type.Literal('bot'), Type.Literal('queue'), Type.Literal('operator')]),
  operatorId: Nullable(Uuid),
  messageCount: Type.Integer(),
  openedAt: Timestamp,
  lastMessageAt: Timestamp,
  firstResponseAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
});

export const MessageSchema = Type.Object({
  id: Uuid,
  conversationId: Uuid,
  seq: Type.Integer(),
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  authorKind: Type.Union(['client', 'bot', 'operator', 'system'].map((k) => Type.Literal(k))),
  authorUserId: Nullable(Uuid),
  internal: Type.Boolean(),
  text: Type.String(),
  parts: Type.Array(MessagePartSchema),
  attachments: Type.Array(AttachmentRefSchema),
  clientMessageId: Nullable(Type.String()),
  externalId: Nullable(Type.String()),
  delivery: Nullable(
    Type.Union(['queued', 'sent', 'delivered', 'read', 'failed'].map((k) => Type.Literal(k))),
  ),
  deliveryError: Type.Optional(Nullable(Type.String())),
  createdAt: Timestamp,
});

export const ContactSummarySchema = Type.Object({
  id: Uuid,
  channel: Type.String(),
  displayName: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

/** A row of the operators' list: the conversation, who wrote, and the last message to preview. */
export const ConversationListItemSchema = Type.Composite([
  ConversationSchema,
  Type.Object({
    contact: ContactSummarySchema,
    lastMessage: Nullable(MessageSchema),
    lastReadSeq: Type.Integer(),
    unread: Type.Integer(),
  }),
]);

// At least one visible character: an answer of spaces would reach the client as an empty bubble.
const answerText = () => Type.String({ minLength: 1, maxLength: messageLimits.text, pattern: '\\S' });

/** An operator's answer as the work screen sends it. */
export const AnswerInputSchema = Type.Object(
  {
    text: answerText(),
    internal: Type.Optional(Type.Boolean()),
    clientMessageId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    ),
  },
  { additionalProperties: false },
);

/** A dialog's answer: text, files uploaded for it (`POST /conversations/:id/attachments`), or both. */
export const ConversationAnswerInputSchema = Type.Object(
  {
    ...AnswerInputSchema.properties,
    text: Type.Optional(answerText()),
    attachments: Type.Optional(Type.Array(AttachmentRefSchema, { maxItems: messageLimits.attachments })),
  },
  { additionalProperties: false },
);

export const TimelineCursor = Type.String({ maxLength: 100 });
