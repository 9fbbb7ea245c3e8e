import type { BotEffect, BotEvent } from '@opora/runtime/bots';
import type { Em } from '../../db/database.js';
import type { BotDeps } from './bot-deps.js';
import type { SessionRow } from './session-rows.js';

export const botTimerJobName = 'bot.timer';

export interface BotTimerPayload {
  sessionId: string;
  conversationId: string;
  key: string;
  event: BotEvent;
}

type Schedule = Extract<BotEffect, { type: 'scheduleTimer' }>;

/**
 * A session's timer as a durable job due at `at`. The engine's key is made global with the session's id; a key
 * scheduled again replaces the pending timer under it, so only the latest can fire.
 */
export async function scheduleTimer(deps: BotDeps, tx: Em, session: SessionRow, effect: Schedule) {
  await cancelTimer(deps, tx, session, effect.key);
  await deps.jobs.enqueue(
    botTimerJobName,
    {
      sessionId: session.id,
      conversationId: session.conversationId,
      key: effect.key,
      event: effect.event,
    } satisfies BotTimerPayload,
    {
      runAt: new Date(effect.at),
      idempotencyKey: `${session.id}:${effect.key}:${effect.at}`,
      maxAttempts: 5,
    },
    tx,
  );
}

/** Deletes the session's pending timer under `key` (one already running finds the session moved on). */
export async function cancelTimer(deps: BotDeps, tx: Em, session: SessionRow, key: string) {
  await deps.db.query(
    `delete from job where name = ? and status = 'pending' and payload->>'sessionId' = ? and payload->>'key' = ?`,
    [botTimerJobName, session.id, key],
    tx,
  );
}
