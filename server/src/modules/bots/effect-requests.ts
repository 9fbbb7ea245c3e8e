import type { BotEffect } from '@opora/runtime/bots';
import type { Em } from '../../db/database.js';
import type { BotDeps } from './bot-deps.js';
import type { SessionRow } from './session-rows.js';

export const botEffectJobName = 'bot.effect';

/** The effects that answer with a `result` event: carried out by a durable job, outside the turn. */
export type RequestEffect = Extract<BotEffect, { requestId: string }>;

export interface BotEffectPayload {
  sessionId: string;
  conversationId: string;
  locale: 'ru' | 'en';
  effect: RequestEffect;
}

export const isRequest = (effect: BotEffect): effect is RequestEffect => 'requestId' in effect;

/**
 * Enqueues the effect in the turn's transaction: it exists exactly when the step that asked for it does, and its
 * request id (`${turn}:${blockId}`) keeps a replayed step from asking twice.
 */
export async function requestEffect(deps: BotDeps, tx: Em, session: SessionRow, effect: RequestEffect) {
  await deps.jobs.enqueue(
    botEffectJobName,
    {
      sessionId: session.id,
      conversationId: session.conversationId,
      locale: session.state.locale,
      effect,
    } satisfies BotEffectPayload,
    { idempotencyKey: `bot.effect:${session.id}:${effect.requestId}`, maxAttempts: 3 },
    tx,
  );
}
