/**
 * How big one message may be, in every channel. Chosen above what a person writes (Telegram allows 4,096
 * characters; an e-mail reply rarely has more than a few thousand) and low enough that one client cannot make
 * the server store or fan out megabytes per message.
 */
export const messageLimits = {
  text: 20_000,
  parts: 5,
  buttons: 20,
  buttonLabel: 100,
  buttonValue: 200,
  attachments: 10,
  attachmentBytes: 20 * 1024 * 1024,
} as const;
