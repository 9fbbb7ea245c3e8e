import { TelegramAdapter } from '../../channels/telegram/telegram-adapter.js';
import type { TelegramSettings } from '../../channels/telegram/telegram-settings.js';
import { AppError } from '../../http/app-error.js';
import type { ResolvedChannel } from './channel-directory.js';
import type { ConversationStore } from './conversation-store.js';

/**
 * One Telegram update into its conversation: the same path for the webhook and for long polling. An update the
 * adapter cannot read is refused (the webhook answers 400; the poller logs it and moves on).
 */
export async function takeTelegramUpdate(
  conversations: ConversationStore,
  channel: ResolvedChannel,
  key: string,
  update: unknown,
): Promise<void> {
  const parsed = await channel.adapter.parseInbound(channel.settings, update);
  if (!parsed.ok) throw new AppError(400, 'bad_update', 'bad_update', { reason: parsed.reason });
  for (const message of parsed.messages) await conversations.takeInbound({ type: 'telegram', key }, message);
  const callback = callbackQueryId(update);
  // The press is stored already; a failed acknowledgement only leaves the button's spinner a while longer.
  if (callback && channel.adapter instanceof TelegramAdapter)
    await channel.adapter.answerButton(channel.settings as TelegramSettings, callback).catch(() => undefined);
}

function callbackQueryId(update: unknown): string | null {
  if (typeof update !== 'object' || update === null) return null;
  const query = (update as { callback_query?: { id?: unknown } }).callback_query;
  return typeof query?.id === 'string' && query.id.length <= 200 ? query.id : null;
}
