/** A Telegram channel's settings, with its secrets already read from the secret store. */
export interface TelegramSettings {
  /** The bot's token from @BotFather. */
  token: string;
  /** The `secret_token` given to `setWebhook`: Telegram sends it back in `X-Telegram-Bot-Api-Secret-Token`. */
  webhookSecret: string;
  /** Where the Bot API lives: Telegram's own by default; a local Bot API server or a test's fake otherwise. */
  apiRoot?: string;
}

export const defaultApiRoot = 'https://api.telegram.org';
