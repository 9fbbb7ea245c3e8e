import type { BotEvent } from '@opora/runtime/bots';
import type { HandlerOptions, JobHandler } from '../../adapters/job-queue/index.js';
import { lockConversation } from '../conversations/outbound.js';
import type { BotDeps } from './bot-deps.js';
import { answerRequest, type EffectPorts } from './effect-answers.js';
import type { BotEffectPayload } from './effect-requests.js';
import { sessionById } from './session-rows.js';
import { feed } from './session-step.js';
import { botHolds } from './turn-job.js';

/**
 * A bot's request (a script, an integration, a search, a record, a process): carried out before the job's
 * transaction opens (it holds no lock and may use the database itself), then its result fed to the session under
 * the conversation's lock, committing with the job. A session that moved on, ended, or was paused by an operator
 * meanwhile ignores the result (handed back, the block runs again).
 */
export function botEffectJob(
  deps: BotDeps,
  ports: EffectPorts,
): { handler: JobHandler; options: HandlerOptions } {
  return {
    options: {
      outside: (payload) => {
        const { effect, locale, sessionId } = payload as BotEffectPayload;
        return answerRequest(ports, effect, locale, sessionId);
      },
    },
    handler: async (payload, { em, prepared }) => {
      const { sessionId, conversationId } = payload as BotEffectPayload;
      const conversation = await lockConversation(deps.db, em, conversationId);
      const session = await sessionById(deps.db, em, sessionId);
      if (session?.status !== 'active' || !botHolds(conversation)) return;
      await feed(deps, em, conversation, session, prepared as BotEvent);
    },
  };
}
