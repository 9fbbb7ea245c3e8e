import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { ChannelRegistry } from './channel-registry.js';
import { conversationRoutes } from './conversation-routes.js';
import { ConversationStore } from './conversation-store.js';
import { sendJob, sendJobName } from './send-job.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Contacts, conversations and messages of every channel (see `conversation-store.ts`). */
    conversations: ConversationStore;
    /** The channels answers are sent through, by key (see `channel-registry.ts`). */
    channels: ChannelRegistry;
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
    const conversations = new ConversationStore({ db, jobs: app.jobQueue, definitions, records, clock });
    const channels = new ChannelRegistry();
    app.jobWorker.registerHandler(sendJobName, sendJob(db, channels));
    app.decorate('conversations', conversations);
    app.decorate('channels', channels);
    await app.register(conversationRoutes, { prefix: apiPrefix, conversations, records });
  },
  { name: 'conversations', dependencies: ['records', 'definitions'] },
);
