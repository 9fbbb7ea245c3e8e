import fp from 'fastify-plugin';
import { PortalMailAdapter } from '../../channels/portal/portal-mail-adapter.js';
import { apiPrefix } from '../../http/http-platform.js';
import { portalChannelKey } from './open-thread.js';
import { RequestThreads } from './request-threads.js';
import { supportMailbox } from './support-mailbox.js';
import { threadListener } from './thread-listener.js';
import { threadRoutes } from './thread-routes.js';

/**
 * Requests have a thread: every request opens a portal conversation linked to it, which the operator answers from
 * the request card and the client reads and answers in «Мои обращения». Public answers are also mailed to the
 * client (through the conversation send job, so each is mailed once), threaded so that the client's e-mail reply
 * lands back in the same conversation through the e-mail channel.
 */
export const requestThreadsModule = fp(
  async (app) => {
    const { db, definitions, records, clock, settings } = app;
    records.onSaved(threadListener({ db, definitions, clock }));
    const adapter = new PortalMailAdapter(app.mailer);
    const publicUrl = settings.publicUrl?.replace(/\/+$/, '');
    const domain = publicUrl ? new URL(publicUrl).hostname : 'opora.local';
    app.channels.register(portalChannelKey, async (em) => ({
      type: 'portal',
      adapter,
      settings: {
        replyTo: await supportMailbox(db, em),
        domain,
        ...(publicUrl ? { accountUrl: `${publicUrl}/account` } : {}),
      },
    }));
    const threads = new RequestThreads({
      db,
      definitions,
      records,
      conversations: app.conversations,
      hub: app.liveHub,
      clock,
    });
    await app.register(threadRoutes, { prefix: apiPrefix, threads });
  },
  { name: 'request-threads', dependencies: ['conversations', 'portal-account'] },
);
