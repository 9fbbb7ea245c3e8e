import type { Clock } from '../engine.js';
import type { BotEffect } from './effects.js';
import type { PreparedBot } from './prepared-bot.js';
import type { BotSession } from './session.js';

const waitsForClient = (session: BotSession) =>
  session.status === 'waiting' && session.waiting?.kind === 'client';

/**
 * The no-reply triggers' timers after a step: (re)scheduled when the bot now waits for the client (a timer
 * scheduled again under its key replaces the old one, and carries the new turn so a stale one is refused),
 * cancelled when it waited for the client before and no longer does.
 */
export function noReplyTimers(
  bot: PreparedBot,
  before: BotSession,
  after: BotSession,
  clock: Clock,
): BotEffect[] {
  const triggers = bot.body.triggers.filter((t) => t.type === 'noReply');
  if (!triggers.length) return [];
  if (waitsForClient(after)) {
    const now = clock.now();
    return triggers.map((t) => ({
      type: 'scheduleTimer' as const,
      key: `noReply:${t.id}`,
      at: now + Math.max(1, t.type === 'noReply' ? t.seconds : 1) * 1000,
      event: { type: 'noReply' as const, triggerId: t.id, turn: after.turn },
    }));
  }
  return waitsForClient(before)
    ? triggers.map((t) => ({ type: 'cancelTimer' as const, key: `noReply:${t.id}` }))
    : [];
}
