import { type MessageDraft, offeredButtons } from '@opora/runtime/conversations';

/** Telegram's own limit on a button's callback data. */
const callbackDataBytes = 64;

/**
 * A message's buttons and choices as an inline keyboard, one button per row (labels are often sentences). The
 * callback data is the button's position (`#0`, `#1`…): values may be longer than Telegram's 64 bytes, and the
 * conversation knows what it offered.
 */
export function toInlineKeyboard(message: MessageDraft) {
  const buttons = offeredButtons(message);
  if (!buttons.length) return undefined;
  const rows = buttons.map((button, index) => {
    const data = `#${index}`;
    if (new TextEncoder().encode(data).length > callbackDataBytes) throw new Error('too many buttons');
    return [{ text: button.label, callback_data: data }];
  });
  return { inline_keyboard: rows };
}
