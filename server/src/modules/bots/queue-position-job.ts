import { dateOf } from '../../adapters/clock.js';
import type { JobHandler } from '../../adapters/job-queue/index.js';
import type { Em } from '../../db/database.js';
import { lockConversation } from '../conversations/outbound.js';
import type { BotDeps } from './bot-deps.js';
import { type Locale, queuePosition, someoneServes, tellPosition } from './queue-position.js';

export const queuePositionJobName = 'bot.queuePosition';

/** The queue is looked at no more often than this per dialog: a client hears of their place at most this often. */
export const queueCheckSeconds = 60;

/** A dialog followed this many times (12 hours) is left alone: it is news to nobody by then. */
const maxChecks = 720;

export interface QueuePositionPayload {
  conversationId: string;
  /** The wait it follows: a later hand-over starts a wait of its own (and its own updates). */
  queuedAt: string;
  /** The place last told (null: the client heard nobody is there yet). */
  told: number | null;
  locale: Locale;
  check: number;
}

/**
 * Starts following a dialog the bot just handed over: one durable check every {@link queueCheckSeconds}, each
 * enqueueing the next. One chain per wait (the key names the wait and the check), so a retried check or a
 * repeated start adds nothing.
 */
export async function followQueue(
  deps: BotDeps,
  tx: Em,
  conversationId: string,
  start: { told: number | null; locale: Locale },
) {
  const [row] = await deps.db.query<{ queued_at: string | Date | null }>(
    'select queued_at from conversation where id = ?',
    [conversationId],
    tx,
  );
  if (!row?.queued_at) return;
  const queuedAt = new Date(row.queued_at).toISOString();
  await nextCheck(deps, tx, { conversationId, queuedAt, ...start, check: 0 });
}

function nextCheck(deps: BotDeps, tx: Em, payload: QueuePositionPayload) {
  const check = payload.check + 1;
  return deps.jobs.enqueue(
    queuePositionJobName,
    { ...payload, check } satisfies QueuePositionPayload,
    {
      runAt: new Date(dateOf(deps.clock).getTime() + queueCheckSeconds * 1000),
      idempotencyKey: `${queuePositionJobName}:${payload.conversationId}:${payload.queuedAt}:${check}`,
      maxAttempts: 3,
    },
    tx,
  );
}

/**
 * One check of a waiting dialog: while it still waits (the same wait: nobody took it, it did not go back to the
 * bot and come again), the client is told their place when it is better than what they heard last — a place that
 * grows (a more urgent dialog came first) is not news worth a message — and the next check is set. An operator
 * taking the dialog, or its closing, ends the chain.
 */
export function queuePositionJob(deps: BotDeps): JobHandler {
  return async (raw, { em }) => {
    const payload = raw as QueuePositionPayload;
    const dialog = await lockConversation(deps.db, em, payload.conversationId);
    if (dialog.status !== 'open' || dialog.handler !== 'queue' || !dialog.lineKey) return;
    if (!(await sameWait(deps, em, payload)) || payload.check > maxChecks) return;
    let told = payload.told;
    if (await someoneServes(deps, em, dialog.lineKey)) {
      const ahead = await queuePosition(deps, em, dialog.id, dialog.lineKey);
      if (told === null || ahead < told) {
        await tellPosition(deps, em, dialog.id, ahead, payload.locale);
        told = ahead;
      }
    }
    await nextCheck(deps, em, { ...payload, told });
  };
}

async function sameWait(deps: BotDeps, tx: Em, payload: QueuePositionPayload) {
  const [row] = await deps.db.query<{ queued_at: string | Date | null }>(
    'select queued_at from conversation where id = ?',
    [payload.conversationId],
    tx,
  );
  return row?.queued_at != null && new Date(row.queued_at).toISOString() === payload.queuedAt;
}
