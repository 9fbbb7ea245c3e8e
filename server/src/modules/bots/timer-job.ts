import type { JobHandler } from '../../adapters/job-queue/index.js';
import { lockConversation } from '../conversations/outbound.js';
import type { BotDeps } from './bot-deps.js';
import type { BotTimerPayload } from './bot-timers.js';
import { sessionById } from './session-rows.js';
import { feed } from './session-step.js';
import { botHolds } from './turn-job.js';

/**
 * A session's timer is due: under the conversation's lock, its event goes to the session if the session still
 * runs and the bot still holds the dialog; the engine refuses a timer it no longer waits for (the client answered,
 * another block set a new one), so a stale timer changes nothing. The step and the job's completion commit
 * together: the timer fires once.
 */
export function botTimerJob(deps: BotDeps): JobHandler {
  return async (payload, { em }) => {
    const { sessionId, conversationId, event } = payload as BotTimerPayload;
    const conversation = await lockConversation(deps.db, em, conversationId);
    const session = await sessionById(deps.db, em, sessionId);
    if (session?.status !== 'active' || !botHolds(conversation)) return;
    await feed(deps, em, conversation, session, event);
  };
}
