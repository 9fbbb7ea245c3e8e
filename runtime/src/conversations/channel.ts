import type { AttachmentRef, MessageDraft } from './message.js';

/**
 * The channels Opora speaks. `webhook` is any other messenger behind the signed webhook API; `portal` is a
 * request's thread in the client's personal account (answers also go to the client's e-mail).
 */
export type ChannelType = 'widget' | 'telegram' | 'email' | 'webhook' | 'portal';

/** What a channel can carry; screens and bots degrade gracefully where it cannot (buttons become a numbered list). */
export interface ChannelCapabilities {
  buttons: boolean;
  files: boolean;
  typing: boolean;
  readReceipts: boolean;
  /** The longest text one outbound message may have; longer texts are split by the sender. */
  maxTextLength: number;
}

/** Who wrote, as the channel knows them: its own id for the person plus whatever it tells about them. */
export interface ChannelIdentity {
  /** The channel's own id of the person: the widget visitor's id, the Telegram chat id, the e-mail address. */
  externalId: string;
  displayName?: string;
  email?: string;
  phone?: string;
}

/**
 * An inbound message after the adapter has read the channel's format: who, what, and the channel's own ids that
 * make it idempotent (`externalMessageId`: Telegram `update_id`, e-mail `Message-ID`, the webhook's message id) and
 * that thread it (`replyTo`: e-mail `In-Reply-To`/`References`, so a reply lands in its conversation).
 */
export interface InboundMessage {
  from: ChannelIdentity;
  externalMessageId: string;
  message: MessageDraft;
  /** Files the adapter received, not yet in the file store: the server stores them and fills `attachments`. */
  files: InboundFile[];
  replyTo?: string[];
  subject?: string;
  /** A button the client pressed (a channel with buttons says which one: its position among those offered). */
  pressed?: { index: number; label: string };
  /** When the channel says it was written, epoch ms (the server's clock decides order; this is for display). */
  sentAt?: number;
}

export interface InboundFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What an adapter is asked to send: one message of a conversation to the person behind a contact. */
export interface OutboundMessage {
  to: ChannelIdentity;
  message: MessageDraft;
  /** The files of `message.attachments`, read from the store by the server. */
  files: ReadonlyArray<{ ref: AttachmentRef; bytes: Uint8Array }>;
  /** Threading data of earlier messages (e-mail `Message-ID`s), oldest first. */
  thread: string[];
  subject?: string;
  /** Stable per message and attempt-independent: a channel that supports it refuses a second send of one key. */
  idempotencyKey: string;
}

/** What a channel answered for a send: its own id of the message (to thread replies and match receipts). */
export interface SentMessage {
  externalMessageId: string;
}

/**
 * The port every channel implements (the server's `channels/<name>/` folders). Parsing never throws for bad
 * input: it answers a refusal the server turns into a 4xx, so a forged or malformed call stores nothing.
 */
export interface ChannelAdapter<Settings, RawInbound> {
  readonly type: ChannelType;
  capabilities(settings: Settings): ChannelCapabilities;
  /** Asynchronous because some channels hand over only file ids: the adapter fetches the files it names. */
  parseInbound(settings: Settings, raw: RawInbound): Promise<InboundParse>;
  send(settings: Settings, message: OutboundMessage): Promise<SentMessage>;
}

export type InboundParse =
  | { ok: true; messages: InboundMessage[] }
  /** Nothing for a conversation (a Telegram service update, an e-mail bounce): acknowledged, stored nowhere. */
  | { ok: true; ignored: string; messages: [] }
  | { ok: false; reason: string };
