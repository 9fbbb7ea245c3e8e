import type { Em } from '../../db/database.js';
import type { ConversationView } from '../conversations/conversation-types.js';
import type { BotDeps } from './bot-deps.js';
import { type Locale, queuePosition, someoneServes, tellNobody, tellPosition } from './queue-position.js';
import { followQueue } from './queue-position-job.js';

/**
 * Tells a client the bot handed over where they stand in the line's queue — or, when nobody online serves the
 * line, that the dialog waits for the first operator to appear — and starts the updates that follow the queue
 * while it waits (see `queue-position-job.ts`).
 */
export async function tellWaiting(deps: BotDeps, tx: Em, conversation: ConversationView, locale: Locale) {
  if (conversation.handler !== 'queue' || !conversation.lineKey) return;
  let told: number | null = null;
  if (await someoneServes(deps, tx, conversation.lineKey)) {
    told = await queuePosition(deps, tx, conversation.id, conversation.lineKey);
    await tellPosition(deps, tx, conversation.id, told, locale);
  } else await tellNobody(deps, tx, conversation.id, locale);
  await followQueue(deps, tx, conversation.id, { told, locale });
}
