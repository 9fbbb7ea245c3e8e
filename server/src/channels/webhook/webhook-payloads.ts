import { messageLimits } from '@opora/runtime/conversations';
import { type Static, Type } from '@sinclair/typebox';

const Text = (max: number) => Type.String({ maxLength: max });

/** Files travel inside the JSON as base64: the route's body limit bounds them. */
const FileSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 255 }),
    base64: Type.String({ maxLength: 11_000_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  },
  { additionalProperties: false },
);

/** What a messenger gateway POSTs to Opora for each message a person wrote (documented in the OpenAPI). */
export const WebhookInboundSchema = Type.Object(
  {
    event: Type.Optional(Type.Literal('message')),
    /** The gateway's own id of the message: a redelivery with the same id is stored once. */
    messageId: Type.String({ minLength: 1, maxLength: 200 }),
    from: Type.Object(
      {
        id: Type.String({ minLength: 1, maxLength: 200 }),
        name: Type.Optional(Text(200)),
        email: Type.Optional(Text(254)),
        phone: Type.Optional(Text(40)),
      },
      { additionalProperties: false },
    ),
    text: Type.Optional(Text(messageLimits.text)),
    /** The position of a button the person pressed, among those Opora's last message offered. */
    pressed: Type.Optional(Type.Integer({ minimum: 0, maximum: messageLimits.buttons - 1 })),
    files: Type.Optional(Type.Array(FileSchema, { maxItems: messageLimits.attachments })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        event: 'message',
        messageId: 'vk-981',
        from: { id: 'vk-77', name: 'Ирина', phone: '+79990001122' },
        text: 'Здравствуйте, заказ не пришёл',
      },
    ],
  },
);

export type WebhookInbound = Static<typeof WebhookInboundSchema>;

/** What a gateway POSTs when an answer of Opora reached the person (or was read, or could not be delivered). */
export const WebhookReceiptSchema = Type.Object(
  {
    event: Type.Literal('receipt'),
    /** The receipt's own id: a redelivered receipt is taken once. */
    messageId: Type.String({ minLength: 1, maxLength: 200 }),
    /** The `messageId` Opora gave the answer in its outbound call. */
    outboundMessageId: Type.String({ minLength: 1, maxLength: 200 }),
    status: Type.Union([Type.Literal('delivered'), Type.Literal('read'), Type.Literal('failed')]),
  },
  {
    additionalProperties: false,
    examples: [
      {
        event: 'receipt',
        messageId: 'vk-receipt-5',
        outboundMessageId: '0b6f7c1e-5a3d-4a8e-9d62-3f1f2f0a9c11',
        status: 'read',
      },
    ],
  },
);

export type WebhookReceipt = Static<typeof WebhookReceiptSchema>;

/** What Opora POSTs to the gateway for each answer (signed the same way; `WebhookOutboundSchema` documents it). */
export interface WebhookOutbound {
  event: 'message';
  /** Stable across retries of one answer: the gateway should deliver each id once. */
  messageId: string;
  to: { id: string };
  text: string;
  buttons: { index: number; label: string }[];
  files: { name: string; contentType: string; base64: string }[];
}

/** The outbound call's body as a schema, for the OpenAPI document (Opora sends it, nobody validates it here). */
export const WebhookOutboundSchema = Type.Object(
  {
    event: Type.Literal('message'),
    messageId: Type.String({ description: 'Stable across retries of one answer: deliver each id once' }),
    to: Type.Object({ id: Type.String() }),
    text: Type.String(),
    buttons: Type.Array(Type.Object({ index: Type.Integer(), label: Type.String() })),
    files: Type.Array(
      Type.Object({ name: Type.String(), contentType: Type.String(), base64: Type.String() }),
    ),
  },
  {
    examples: [
      {
        event: 'message',
        messageId: '0b6f7c1e-5a3d-4a8e-9d62-3f1f2f0a9c11',
        to: { id: 'vk-77' },
        text: 'Выберите тему',
        buttons: [{ index: 0, label: 'Оплата' }],
        files: [],
      },
    ],
  },
);
