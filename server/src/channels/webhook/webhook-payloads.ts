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
  { additionalProperties: false },
);

export type WebhookInbound = Static<typeof WebhookInboundSchema>;

/** What Opora POSTs to the gateway for each answer (signed the same way). */
export interface WebhookOutbound {
  event: 'message';
  /** Stable across retries of one answer: the gateway should deliver each id once. */
  messageId: string;
  to: { id: string };
  text: string;
  buttons: { index: number; label: string }[];
  files: { name: string; contentType: string; base64: string }[];
}
