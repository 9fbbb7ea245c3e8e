import { type Static, Type } from '@sinclair/typebox';
import { LText, Strict } from '../common-schemas.js';
import { secretNamePattern } from '../integration/schema.js';

const SecretName = Type.String({ pattern: secretNamePattern });
const HostName = Type.String({ pattern: '^[A-Za-z0-9.-]{1,253}$' });
const HttpUrl = Type.String({ pattern: '^https?://[^\\s/?#]+(/[^\\s]*)?$', maxLength: 2000 });
/** A site allowed to embed the chat widget: scheme, host and optional port, nothing else (`https://shop.example.ru`). */
export const siteOriginPattern = '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$';
export const siteOriginMaxLength = 300;
const SiteOrigin = Type.String({ pattern: siteOriginPattern, maxLength: siteOriginMaxLength });

/** The chat widget on the portal and on the sites listed (the only Opora page that may be framed elsewhere). */
const WidgetSettings = Strict({
  type: Type.Literal('widget'),
  allowedOrigins: Type.Array(SiteOrigin, { maxItems: 50 }),
  greeting: Type.Optional(LText),
});

/** A Telegram bot: its token and the webhook's secret are secrets, named here, never stored in the definition. */
const TelegramSettings = Strict({
  type: Type.Literal('telegram'),
  tokenSecret: SecretName,
  webhookSecret: SecretName,
  /** Webhook when the server has a public address; long polling for installations without one. */
  mode: Type.Union([Type.Literal('webhook'), Type.Literal('polling')]),
  /** A local Bot API server instead of Telegram's own. */
  apiRoot: Type.Optional(HttpUrl),
});

/** How often a mailbox is polled over IMAP: once a minute unless said, never more often than every 15 seconds. */
export const imapPollSecondsMin = 15;
export const imapPollSecondsDefault = 60;
// No control characters: these go into IMAP commands.
const ImapText = Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\x00-\\x1f\\x7f]+$' });
/** The mailbox Opora reads new mail from: each new message is taken, then flagged \Seen. */
const ImapSettings = Strict({
  host: HostName,
  port: Type.Integer({ minimum: 1, maximum: 65535 }),
  /** TLS from the first byte (port 993); otherwise plain with STARTTLS when the server offers it. */
  secure: Type.Boolean(),
  user: ImapText,
  passwordSecret: SecretName,
  /** The folder new mail arrives in: INBOX unless given. */
  mailbox: Type.Optional(ImapText),
  pollSeconds: Type.Optional(Type.Integer({ minimum: imapPollSecondsMin, maximum: 3600 })),
});

/** A support mailbox: mail in through Opora's SMTP listener (or polled over IMAP), answers out through SMTP. */
const EmailSettings = Strict({
  type: Type.Literal('email'),
  address: Type.String({ format: 'email', maxLength: 254 }),
  displayName: Type.Optional(Type.String({ maxLength: 200 })),
  smtp: Strict({
    host: HostName,
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    secure: Type.Boolean(),
    user: Type.Optional(Type.String({ maxLength: 200 })),
    passwordSecret: Type.Optional(SecretName),
  }),
  /** An existing mailbox polled over IMAP, for installations whose mail does not reach Opora's SMTP listener. */
  imap: Type.Optional(ImapSettings),
});

/** Any other messenger behind the signed webhook API. */
const WebhookSettings = Strict({
  type: Type.Literal('webhook'),
  secret: SecretName,
  outboundUrl: HttpUrl,
  allowedAddresses: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
});

/**
 * A channel clients write through (kind `channel`): its type and settings. Secrets are named, not held: the
 * definition can be exported and shown to anyone who may read it. Administrators only, as integrations.
 */
export const ChannelBodySchema = Strict({
  schemaVersion: Type.Literal(1),
  title: LText,
  settings: Type.Union([WidgetSettings, TelegramSettings, EmailSettings, WebhookSettings]),
});

export type ChannelBody = Static<typeof ChannelBodySchema>;
