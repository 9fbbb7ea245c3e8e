/**
 * A channel body's settings as the form edits them, read tolerantly from whatever the draft holds (a half-typed
 * JSON draft must not break the form); the runtime's schema stays the judge of what is valid.
 */
export const channelTypes = ['widget', 'telegram', 'email', 'webhook'] as const;
export type ChannelType = (typeof channelTypes)[number];

export type LText = { ru: string; en?: string };

export interface WidgetSettings {
  type: 'widget';
  allowedOrigins: string[];
  greeting?: LText;
}

export interface TelegramSettings {
  type: 'telegram';
  tokenSecret: string;
  webhookSecret: string;
  mode: 'webhook' | 'polling';
  apiRoot?: string;
}

export interface EmailSettings {
  type: 'email';
  address: string;
  displayName?: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; passwordSecret?: string };
  /** An existing mailbox Opora polls for new mail; absent when mail comes through Opora's own listener. */
  imap?: ImapSettings;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  passwordSecret: string;
  mailbox?: string;
  pollSeconds?: number;
}

export interface WebhookSettings {
  type: 'webhook';
  secret: string;
  outboundUrl: string;
  allowedAddresses?: string[];
}

export type ChannelSettings = WidgetSettings | TelegramSettings | EmailSettings | WebhookSettings;

type Raw = Record<string, unknown>;
const record = (value: unknown): Raw =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const isChannelType = (value: unknown): value is ChannelType =>
  (channelTypes as readonly unknown[]).includes(value);

/** The settings' type, or the widget's when the draft holds none (as a new channel starts). */
export const channelTypeOf = (settings: unknown): ChannelType => {
  const type = record(settings).type;
  return isChannelType(type) ? type : 'widget';
};

function readLText(value: unknown): LText | undefined {
  const raw = record(value);
  if (typeof raw.ru !== 'string') return undefined;
  return typeof raw.en === 'string' ? { ru: raw.ru, en: raw.en } : { ru: raw.ru };
}

/** Reads the draft's settings into the form's shape. */
export function readSettings(value: unknown): ChannelSettings {
  const raw = record(value);
  switch (channelTypeOf(raw)) {
    case 'widget':
      return {
        type: 'widget',
        allowedOrigins: strings(raw.allowedOrigins),
        greeting: readLText(raw.greeting),
      };
    case 'telegram':
      return {
        type: 'telegram',
        tokenSecret: text(raw.tokenSecret),
        webhookSecret: text(raw.webhookSecret),
        mode: raw.mode === 'polling' ? 'polling' : 'webhook',
        apiRoot: optionalText(raw.apiRoot),
      };
    case 'email': {
      const smtp = record(raw.smtp);
      return {
        type: 'email',
        address: text(raw.address),
        displayName: optionalText(raw.displayName),
        smtp: {
          host: text(smtp.host),
          // NaN shows an empty port input: the schema then asks for one.
          port: typeof smtp.port === 'number' ? smtp.port : Number.NaN,
          secure: smtp.secure === true,
          user: optionalText(smtp.user),
          passwordSecret: optionalText(smtp.passwordSecret),
        },
        ...(raw.imap === undefined ? {} : { imap: readImap(raw.imap) }),
      };
    }
    case 'webhook':
      return {
        type: 'webhook',
        secret: text(raw.secret),
        outboundUrl: text(raw.outboundUrl),
        allowedAddresses: raw.allowedAddresses === undefined ? undefined : strings(raw.allowedAddresses),
      };
  }
}

function readImap(value: unknown): ImapSettings {
  const imap = record(value);
  return {
    host: text(imap.host),
    port: typeof imap.port === 'number' ? imap.port : Number.NaN,
    secure: imap.secure === true,
    user: text(imap.user),
    passwordSecret: text(imap.passwordSecret),
    mailbox: optionalText(imap.mailbox),
    pollSeconds: typeof imap.pollSeconds === 'number' ? imap.pollSeconds : undefined,
  };
}

/** A mailbox to poll as first offered: IMAP over TLS on port 993, the password still to choose. */
export const starterImap = (): ImapSettings => ({
  host: '',
  port: 993,
  secure: true,
  user: '',
  passwordSecret: '',
});

/**
 * The first settings of a type the admin picks: what a typical installation uses (webhook mode for Telegram,
 * submission port 587 with STARTTLS for mail), with the secrets still to choose.
 */
export function starterSettings(type: ChannelType): ChannelSettings {
  switch (type) {
    case 'widget':
      return { type, allowedOrigins: [] };
    case 'telegram':
      return { type, tokenSecret: '', webhookSecret: '', mode: 'webhook' };
    case 'email':
      return { type, address: '', smtp: { host: '', port: 587, secure: false } };
    case 'webhook':
      return { type, secret: '', outboundUrl: '' };
  }
}

/**
 * Switching type keeps what was typed for each type in `remembered`, so trying another type and coming back loses
 * nothing; the body only ever holds the chosen type's settings (the schema allows no others).
 */
export function switchType(
  current: unknown,
  type: ChannelType,
  remembered: Partial<Record<ChannelType, unknown>>,
): { settings: unknown; remembered: Partial<Record<ChannelType, unknown>> } {
  const from = channelTypeOf(current);
  if (from === type) return { settings: current, remembered };
  return {
    settings: remembered[type] ?? starterSettings(type),
    remembered: { ...remembered, [from]: current },
  };
}

/** An object with a patch applied: keys patched to undefined leave it (an optional setting cleared), others replace. */
export function patched(value: unknown, patch: Raw): Raw {
  const next: Raw = { ...record(value), ...patch };
  for (const [key, item] of Object.entries(patch)) if (item === undefined) delete next[key];
  return next;
}

/** An optional text setting: cleared (absent) when emptied, so the schema's defaults apply. */
export const optional = (value: string): string | undefined => (value.trim() ? value : undefined);
