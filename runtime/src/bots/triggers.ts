import type { BotTrigger } from '../definitions/bot/schema.js';
import { messageStems } from '../lines/message-words.js';
import type { BotEvent } from './events.js';
import type { PreparedBot } from './prepared-bot.js';
import type { BotSession } from './session.js';

/** How close a message must be to a phrase trigger's example when the trigger sets no threshold. */
export const defaultPhraseThreshold = 0.5;

/**
 * The trigger of a bot that answers an event, or null. While the bot waits for something (`busy`), only
 * `anytime` keyword and phrase triggers answer a message. A button press matches a button trigger; a message
 * matches keyword triggers first (in order), then the phrase trigger whose example is closest.
 */
export function matchTrigger(
  bot: PreparedBot,
  session: BotSession,
  event: BotEvent,
  busy: boolean,
): BotTrigger | null {
  const triggers = bot.body.triggers;
  switch (event.type) {
    case 'dialogOpened':
      return triggers.find((t) => t.type === 'newDialog') ?? null;
    case 'message':
      return messageTrigger(bot, event, busy);
    case 'recordStatus':
      return (
        triggers.find(
          (t) =>
            t.type === 'event' &&
            t.source === 'recordStatus' &&
            t.entity === event.entity &&
            (t.status === undefined || t.status === event.status),
        ) ?? null
      );
    case 'processMessage':
      return (
        triggers.find(
          (t) =>
            t.type === 'event' &&
            t.source === 'processMessage' &&
            (t.message ?? event.message) === event.message,
        ) ?? null
      );
    case 'schedule':
      return triggers.find((t) => t.type === 'schedule' && t.id === event.triggerId) ?? null;
    case 'jump':
      return triggers.find((t) => t.type === 'jump') ?? null;
    case 'noReply':
      return event.turn === session.turn
        ? (triggers.find((t) => t.type === 'noReply' && t.id === event.triggerId) ?? null)
        : null;
    default:
      return null;
  }
}

function messageTrigger(
  bot: PreparedBot,
  event: Extract<BotEvent, { type: 'message' }>,
  busy: boolean,
): BotTrigger | null {
  const triggers = bot.body.triggers;
  if (event.buttonId !== undefined && !busy) {
    const button = triggers.find((t) => t.type === 'button' && t.buttonId === event.buttonId);
    if (button) return button;
  }
  const eligible = (t: BotTrigger) =>
    (t.type === 'keyword' || t.type === 'phrase') && (!busy || t.anytime === true);
  if (!triggers.some(eligible)) return null;
  const stems = messageStems(event.text);
  const text = event.text.slice(0, 4000);
  for (const trigger of triggers) {
    if (trigger.type !== 'keyword' || !eligible(trigger)) continue;
    const matcher = bot.matchers.get(trigger.id);
    if (matcher?.keywords.some((keyword) => occurs(keyword, stems)) || matcher?.pattern?.test(text))
      return trigger;
  }
  const folded = new Set(stems.map((stem) => bot.synonyms.get(stem) ?? stem));
  let best: BotTrigger | null = null;
  let bestScore = 0;
  for (const trigger of triggers) {
    if (trigger.type !== 'phrase' || !eligible(trigger)) continue;
    const score = Math.max(
      0,
      ...(bot.matchers.get(trigger.id)?.examples ?? []).map((e) => closeness(folded, e)),
    );
    if (score >= (trigger.threshold ?? defaultPhraseThreshold) && score > bestScore) {
      best = trigger;
      bestScore = score;
    }
  }
  return best;
}

const occurs = (keyword: readonly string[], stems: readonly string[]) => {
  for (let start = 0; start + keyword.length <= stems.length; start++)
    if (keyword.every((stem, i) => stems[start + i] === stem)) return true;
  return false;
};

/** The Dice overlap of two sets of stems: 1 for the same words, 0 for none in common. */
export function closeness(message: ReadonlySet<string>, example: ReadonlySet<string>): number {
  if (!message.size || !example.size) return 0;
  let shared = 0;
  for (const stem of example) if (message.has(stem)) shared++;
  return (2 * shared) / (message.size + example.size);
}
