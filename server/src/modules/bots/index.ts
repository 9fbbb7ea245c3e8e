import fp from 'fastify-plugin';
import { dateOf } from '../../adapters/clock.js';
import { apiPrefix } from '../../http/http-platform.js';
import type { BotDeps } from './bot-deps.js';
import { botPublishing } from './bot-publishing.js';
import { botRoutes } from './bot-routes.js';
import { botTimerJobName } from './bot-timers.js';
import { botEffectJob } from './effect-job.js';
import { botEffectJobName } from './effect-requests.js';
import { PublishedBots } from './published-bots.js';
import { queuePositionJob, queuePositionJobName } from './queue-position-job.js';
import { endSessions } from './session-rows.js';
import { botTimerJob } from './timer-job.js';
import { type BotTurnPayload, botHolds, botTurnJob, botTurnJobName, botTurnKey } from './turn-job.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Published bot versions, prepared once per process (see `published-bots.ts`). */
    publishedBots: PublishedBots;
  }
}

/**
 * Bots answer clients: a dialog routed to a line with a bot gets a session of the bot's published version, and
 * every client message, timer and effect result is stepped through the engine one at a time per conversation by
 * durable jobs (`bot.turn`, `bot.timer`, `bot.effect`); a dialog the bot handed over hears of its place in the
 * queue as it moves (`bot.queuePosition`). An operator taking the dialog pauses the bot; the operator
 * window reads the session and hands the dialog back (`/conversations/:id/bot`).
 */
export const botsModule = fp(
  async (app) => {
    const bots = new PublishedBots(app.db, (tx) => app.kb.synonyms.terms(tx));
    const deps: BotDeps = {
      db: app.db,
      jobs: app.jobQueue,
      hub: app.liveHub,
      clock: app.clock,
      conversations: app.conversations,
      lines: app.publishedLines,
      bots,
      language: app.settings.language,
    };
    app.decorate('publishedBots', bots);
    app.definitions.extend('bot', botPublishing());
    // The client's message and its turn commit together: the turn is never lost, and enqueued once per message.
    app.conversations.onClientMessage(async (tx, conversation, message) => {
      if (!botHolds(conversation)) return;
      await app.jobQueue.enqueueLater(
        botTurnJobName,
        { conversationId: conversation.id, messageId: message.id } satisfies BotTurnPayload,
        { idempotencyKey: botTurnKey(conversation.id, message.id), maxAttempts: 10 },
        tx,
      );
    });
    app.conversations.onStatusChanged(async (tx, { after, now }) => {
      if (after.status === 'closed') await endSessions(app.db, tx, after.id, now ?? dateOf(app.clock));
    });
    app.jobWorker.registerHandler(botTurnJobName, botTurnJob(deps));
    app.jobWorker.registerHandler(botTimerJobName, botTimerJob(deps));
    app.jobWorker.registerHandler(queuePositionJobName, queuePositionJob(deps));
    const effects = botEffectJob(deps, {
      scripts: app.scripts,
      integrations: app.integrations,
      kb: app.kb,
      records: app.records,
      publicUrl: app.settings.publicUrl,
      startProcess: async (process, variables, idempotencyKey, record) =>
        (
          await app.processInstances.start(process, {
            variables,
            idempotencyKey,
            ...(record ? { record } : {}),
          })
        ).instanceId,
    });
    app.jobWorker.registerHandler(botEffectJobName, effects.handler, effects.options);
    await app.register(botRoutes, { prefix: apiPrefix, deps });
  },
  {
    name: 'bots',
    dependencies: [
      'definitions',
      'conversations',
      'distribution',
      'scripts',
      'integrations',
      'kb',
      'records',
      'processes',
    ],
  },
);
