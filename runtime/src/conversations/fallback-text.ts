import type { Button, MessageDraft } from './message.js';

/** The buttons and choices of a message, in order, as one list: what a number in the client's answer refers to. */
export function offeredButtons(message: MessageDraft): Button[] {
  return message.parts.flatMap((part) => (part.type === 'buttons' ? part.buttons : part.options));
}

/**
 * The message's text for a channel that cannot show buttons (e-mail, a plain messenger): the text, then the
 * buttons as a numbered list the client can answer with a number or the words.
 */
export function textWithNumberedButtons(message: MessageDraft): string {
  const buttons = offeredButtons(message);
  if (!buttons.length) return message.text;
  const list = buttons.map((button, index) => `${index + 1}. ${button.label}`).join('\n');
  return message.text ? `${message.text}\n\n${list}` : list;
}

/**
 * Which offered button a plain-text answer means: its number ("2", "2."), or its label typed out (case and
 * surrounding spaces ignored). Anything else is an ordinary message, answered `undefined`.
 */
export function buttonAnsweredByText(offered: readonly Button[], answer: string): Button | undefined {
  const typed = answer.trim();
  const numbered = /^(\d{1,2})\.?$/.exec(typed);
  if (numbered) return offered[Number(numbered[1]) - 1];
  const lower = typed.toLocaleLowerCase('ru');
  return offered.find((button) => button.label.trim().toLocaleLowerCase('ru') === lower);
}
