import { type InboundMessage, messageLimits } from '@opora/runtime/conversations';

/** A file a Telegram message names by id; the adapter downloads it. */
export interface TelegramFileRef {
  fileId: string;
  name: string;
  contentType: string;
  /** What Telegram says the size is, when it says: files above the limit are not fetched at all. */
  size?: number;
}

export type ReadUpdate =
  | { kind: 'message'; message: Omit<InboundMessage, 'files'>; files: TelegramFileRef[] }
  | { kind: 'ignored'; reason: string }
  | { kind: 'refused'; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);
const integer = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : undefined);

/**
 * What a Telegram update means for a conversation. Private chats only (a bot added to a group is not a support
 * channel); a message's text or caption, its largest photo and its document; a pressed inline button. Anything
 * else (edits, stickers alone, service messages, channel posts) is acknowledged and ignored. The update is read
 * defensively: it is JSON from the network, however the webhook was authenticated.
 */
export function readUpdate(update: unknown): ReadUpdate {
  if (!isObject(update)) return { kind: 'refused', reason: 'not an object' };
  const updateId = integer(update.update_id);
  if (updateId === undefined) return { kind: 'refused', reason: 'update_id missing' };
  const externalMessageId = `update:${updateId}`;
  if (isObject(update.message)) return readMessage(update.message, externalMessageId);
  if (isObject(update.callback_query)) return readButton(update.callback_query, externalMessageId);
  return { kind: 'ignored', reason: 'not a message' };
}

function sender(chat: Json, from: unknown) {
  const person = isObject(from) ? from : chat;
  const name = [text(person.first_name, 100), text(person.last_name, 100)].filter(Boolean).join(' ');
  return { externalId: String(chat.id), displayName: name || text(person.username, 100) };
}

function privateChat(message: Json): Json | undefined {
  const chat = message.chat;
  return isObject(chat) && chat.type === 'private' && integer(chat.id) !== undefined ? chat : undefined;
}

function readMessage(message: Json, externalMessageId: string): ReadUpdate {
  const chat = privateChat(message);
  if (!chat) return { kind: 'ignored', reason: 'not a private chat' };
  const files = [...photo(message), ...document(message)];
  const body = text(message.text, messageLimits.text) ?? text(message.caption, messageLimits.text) ?? '';
  if (!body && !files.length) return { kind: 'ignored', reason: 'nothing to keep' };
  const sentAt = integer(message.date);
  return {
    kind: 'message',
    message: {
      from: sender(chat, message.from),
      externalMessageId,
      message: { text: body, parts: [], attachments: [] },
      ...(sentAt ? { sentAt: sentAt * 1000 } : {}),
    },
    files,
  };
}

/** The largest size of a photo (Telegram sends several). */
function photo(message: Json): TelegramFileRef[] {
  if (!Array.isArray(message.photo)) return [];
  const sizes = message.photo.filter(isObject).filter((p) => typeof p.file_id === 'string');
  const largest = sizes.reduce<Json | undefined>(
    (best, p) => (!best || (integer(p.file_size) ?? 0) > (integer(best.file_size) ?? 0) ? p : best),
    undefined,
  );
  if (!largest) return [];
  return [
    {
      fileId: String(largest.file_id),
      name: 'photo.jpg',
      contentType: 'image/jpeg',
      size: integer(largest.file_size),
    },
  ];
}

function document(message: Json): TelegramFileRef[] {
  const doc = message.document;
  if (!isObject(doc) || typeof doc.file_id !== 'string') return [];
  return [
    {
      fileId: doc.file_id,
      name: text(doc.file_name, 255) || 'file',
      contentType: text(doc.mime_type, 255) || 'application/octet-stream',
      size: integer(doc.file_size),
    },
  ];
}

/**
 * A pressed inline button. Its `callback_data` is the button's position (`#2`, see `toInlineKeyboard`), and the
 * message it hangs under still carries the keyboard, so the label is read from there.
 */
function readButton(query: Json, externalMessageId: string): ReadUpdate {
  const message = isObject(query.message) ? query.message : undefined;
  const chat = message && privateChat(message);
  const data = text(query.data, 64);
  const index = data?.startsWith('#') ? Number(data.slice(1)) : Number.NaN;
  if (!chat || !Number.isSafeInteger(index)) return { kind: 'ignored', reason: 'not a button of ours' };
  // Without the label the conversation's offer names the button (see `withPressedLabel`).
  const label = buttonLabel(message, data!) ?? '';
  return {
    kind: 'message',
    message: {
      from: sender(chat, query.from),
      externalMessageId,
      message: { text: label || data!, parts: [], attachments: [] },
      pressed: { index, label },
    },
    files: [],
  };
}

function buttonLabel(message: Json, data: string): string | undefined {
  const markup = message.reply_markup;
  if (!isObject(markup) || !Array.isArray(markup.inline_keyboard)) return undefined;
  for (const row of markup.inline_keyboard)
    if (Array.isArray(row))
      for (const button of row)
        if (isObject(button) && button.callback_data === data) return text(button.text, 100);
  return undefined;
}
