import { messageLimits } from '@opora/runtime/conversations';
import { Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { MessageSchema } from '../conversations/conversation-schemas.js';
import { channelKeyPattern } from './widget-channels.js';

/** A channel's key as definitions allow it. */
export const ChannelKeyParams = Type.Object(
  { channelKey: Type.String({ pattern: channelKeyPattern }) },
  { additionalProperties: false },
);

/** The widget's own id of a message: random, made before the first attempt and reused by every retry. */
export const clientMessageIdPattern = '^[A-Za-z0-9_-]{8,64}$';
export const ClientMessageId = Type.String({ pattern: clientMessageIdPattern });

const Text = Type.Object(
  { ru: Type.String(), en: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const SessionInput = Type.Object(
  { token: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  token: Type.String(),
  visitorId: Type.String(),
  expiresAt: Type.Integer(),
  /** A signed-in portal client: the conversation is on their client card. */
  recognised: Type.Boolean(),
  channel: Type.Object({
    key: Type.String(),
    title: Text,
    greeting: Type.Union([Text, Type.Null()]),
  }),
});

export const HistoryQuery = Type.Object(
  {
    after: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);

export const HistorySchema = Type.Object({ messages: Type.Array(MessageSchema), hasMore: Type.Boolean() });

export const SendInput = Type.Object(
  {
    clientMessageId: ClientMessageId,
    text: Type.String({ maxLength: messageLimits.text }),
    pressed: Type.Optional(
      Type.Object(
        { messageId: Uuid, value: Type.String({ minLength: 1, maxLength: messageLimits.buttonValue }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SentSchema = Type.Object({ message: MessageSchema, duplicate: Type.Boolean() });

export const ReportInput = Type.Object(
  {
    seq: Type.Integer({ minimum: 0 }),
    state: Type.Union([Type.Literal('delivered'), Type.Literal('read')]),
  },
  { additionalProperties: false },
);

export const FileParams = Type.Object(
  { channelKey: ChannelKeyParams.properties.channelKey, fileId: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: false },
);
