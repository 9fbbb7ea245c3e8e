import {
  type ChannelAdapter,
  type ChannelCapabilities,
  type InboundFile,
  type InboundParse,
  messageLimits,
  type OutboundMessage,
  type SentMessage,
} from '@opora/runtime/conversations';
import { Api, InputFile } from 'grammy';
import { RetryLater } from '../../adapters/job-queue/index.js';
import { toInlineKeyboard } from './inline-keyboard.js';
import { readUpdate, type TelegramFileRef } from './parse-update.js';
import { sendFailure } from './send-errors.js';
import type { SendPacing } from './send-pacing.js';
import { defaultApiRoot, type TelegramSettings } from './telegram-settings.js';

const capabilities: ChannelCapabilities = {
  buttons: true,
  files: true,
  typing: true,
  readReceipts: false,
  maxTextLength: 4096,
};

/** Waits longer than this give the send back to the queue rather than hold a worker asleep. */
const longestInlineWaitMs = 3000;
const downloadTimeoutMs = 30_000;

/** The Telegram channel: updates from the webhook (or long polling) in, Bot API calls out, paced to its limits. */
export class TelegramAdapter implements ChannelAdapter<TelegramSettings, unknown> {
  readonly type = 'telegram' as const;
  private readonly apis = new Map<string, Api>();

  constructor(private readonly pacing: SendPacing) {}

  capabilities(): ChannelCapabilities {
    return capabilities;
  }

  async parseInbound(settings: TelegramSettings, update: unknown): Promise<InboundParse> {
    const read = readUpdate(update);
    if (read.kind === 'refused') return { ok: false, reason: read.reason };
    if (read.kind === 'ignored') return { ok: true, ignored: read.reason, messages: [] };
    const files = await Promise.all(read.files.map((ref) => this.download(settings, ref)));
    return {
      ok: true,
      messages: [{ ...read.message, files: files.filter((f): f is InboundFile => f !== null) }],
    };
  }

  /** Stops the spinner on a pressed inline button (Telegram shows it until the bot answers the callback). */
  async answerButton(settings: TelegramSettings, callbackQueryId: string): Promise<void> {
    await this.api(settings).answerCallbackQuery(callbackQueryId);
  }

  async send(settings: TelegramSettings, outbound: OutboundMessage): Promise<SentMessage> {
    const chat = outbound.to.externalId;
    const wait = this.pacing.turn(chat);
    if (wait > longestInlineWaitMs) throw new RetryLater('Telegram send limit', wait);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const api = this.api(settings);
    const reply_markup = toInlineKeyboard(outbound.message);
    try {
      let last: { message_id: number } | undefined;
      for (const { ref, bytes } of outbound.files) {
        const file = new InputFile(bytes, ref.name);
        last = ref.contentType.startsWith('image/')
          ? await api.sendPhoto(chat, file)
          : await api.sendDocument(chat, file);
      }
      if (outbound.message.text || reply_markup)
        last = await api.sendMessage(
          chat,
          outbound.message.text.slice(0, capabilities.maxTextLength) || '…',
          {
            ...(reply_markup ? { reply_markup } : {}),
          },
        );
      if (!last) throw new Error('nothing to send');
      return { externalMessageId: `${chat}:${last.message_id}` };
    } catch (error) {
      throw sendFailure(error);
    }
  }

  /** A file the update names, fetched from the Bot API; null when it is too large to keep. */
  private async download(settings: TelegramSettings, ref: TelegramFileRef): Promise<InboundFile | null> {
    if (ref.size !== undefined && ref.size > messageLimits.attachmentBytes) return null;
    const file = await this.api(settings).getFile(ref.fileId);
    if (!file.file_path || (file.file_size ?? 0) > messageLimits.attachmentBytes) return null;
    const root = settings.apiRoot ?? defaultApiRoot;
    const response = await fetch(`${root}/file/bot${settings.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(downloadTimeoutMs),
    });
    if (!response.ok || !response.body) throw new Error(`Telegram file download answered ${response.status}`);
    const bytes = await readCapped(response.body, messageLimits.attachmentBytes);
    return bytes ? { name: ref.name, contentType: ref.contentType, bytes } : null;
  }

  private api(settings: TelegramSettings): Api {
    const key = `${settings.apiRoot ?? defaultApiRoot}|${settings.token}`;
    let api = this.apis.get(key);
    if (!api) {
      api = new Api(settings.token, { apiRoot: settings.apiRoot ?? defaultApiRoot });
      this.apis.set(key, api);
    }
    return api;
  }
}

/** The body's bytes, or null as soon as it passes `limit` (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
