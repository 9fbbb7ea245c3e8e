import fp from 'fastify-plugin';
import { EmailAdapter } from '../../channels/email/email-adapter.js';
import { SendPacing } from '../../channels/telegram/send-pacing.js';
import { TelegramAdapter } from '../../channels/telegram/telegram-adapter.js';
import { WebhookAdapter } from '../../channels/webhook/webhook-adapter.js';
import { sessionLocks } from '../../db/session-locks.js';
import { apiPrefix } from '../../http/http-platform.js';
import { answerUploadRoutes } from './answer-upload-routes.js';
import { ChannelRegistry } from './channel-registry.js';
import { pushMessage } from './conversation-push.js';
import { conversationRoutes } from './conversation-routes.js';
import { ConversationStore } from './conversation-store.js';
import { conversationWorkRoutes } from './conversation-work-routes.js';
import { EmailInbound } from './email-inbound.js';
import { ImapPollers } from './imap-pollers.js';
import { PublishedChannels } from './published-channels.js';
import { sendJob, sendJobName } from './send-job.js';
import { TelegramPollers } from './telegram-pollers.js';
import { telegramWebhookRoutes } from './telegram-webhook-routes.js';
import { webhookInboundRoutes } from './webhook-inbound-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Contacts, conversations and messages of every channel (see `conversation-store.ts`). */
    conversations: ConversationStore;
    /** The channels answers are sent through, by key (see `channel-registry.ts`). */
    channels: ChannelRegistry;
    /** Inbound e-mail through the SMTP listener (started when SMTP_LISTEN_PORT is set). */
    emailInbound: EmailInbound;
    /** Long polling of Telegram channels in `polling` mode (started with the background work). */
    telegramPollers: TelegramPollers;
    /** Polling of the IMAP mailboxes of e-mail channels (started with the background work). */
    imapPollers: ImapPollers;
  }
}

/**
 * Conversations in every channel, one history per client. Channel adapters (`server/src/channels/<name>/`) hand
 * their inbound messages to `app.conversations`; the routes of the widget, the operators' screens and the
 * client's account read from it.
 */
export const conversationsModule = fp(
  async (app) => {
    const { db, definitions, records, clock } = app;
    const conversations = new ConversationStore({
      db,
      fileStore: app.fileStore,
      jobs: app.jobQueue,
      definitions,
      records,
      clock,
      hub: app.liveHub,
    });
    const adapters = {
      telegram: new TelegramAdapter(new SendPacing(() => performance.now())),
      email: new EmailAdapter(),
      webhook: new WebhookAdapter(app.gateway, clock),
    };
    const published = new PublishedChannels(definitions, app.secrets, adapters);
    const channels = new ChannelRegistry(published);
    app.jobWorker.registerHandler(
      sendJobName,
      sendJob(db, channels, app.fileStore, (tx, conversation, message) =>
        pushMessage(app.liveHub, db, tx, conversation, message),
      ),
    );
    app.decorate('conversations', conversations);
    app.decorate('channels', channels);
    const emailInbound = new EmailInbound({ db, conversations });
    app.decorate('emailInbound', emailInbound);
    const { smtpListenPort, smtpListenHost } = app.settings;
    if (smtpListenPort !== undefined)
      app.addHook('onReady', async () => {
        const port = await emailInbound.listen(smtpListenPort, smtpListenHost);
        app.log.info(`Inbound e-mail: SMTP listener on ${smtpListenHost}:${port}`);
      });
    app.addHook('onClose', () => emailInbound.close());
    const telegramPollers = new TelegramPollers({ db, conversations, channels, log: app.log });
    app.decorate('telegramPollers', telegramPollers);
    app.addHook('onClose', () => telegramPollers.close());
    const imapPollers = new ImapPollers({
      db,
      conversations,
      secrets: app.secrets,
      locks: sessionLocks(db),
      log: app.log,
    });
    app.decorate('imapPollers', imapPollers);
    app.addHook('onClose', () => imapPollers.close());
    await app.register(conversationRoutes, { prefix: apiPrefix, conversations, records });
    await app.register(conversationWorkRoutes, { prefix: apiPrefix });
    await app.register(answerUploadRoutes, { prefix: apiPrefix });
    await app.register(telegramWebhookRoutes, { prefix: apiPrefix, conversations, channels });
    await app.register(webhookInboundRoutes, {
      prefix: apiPrefix,
      db,
      hub: app.liveHub,
      clock,
      conversations,
      channels,
    });
  },
  { name: 'conversations', dependencies: ['records', 'definitions', 'secrets'] },
);
