import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { afterDialogOpened } from './after-dialog-opened.js';
import { assignPass, assignWithin } from './assign-pass.js';
import { Dispatcher } from './dispatcher.js';
import { requestDistribution } from './distribution-signal.js';
import { lineOpeningJob, lineOpeningJobName } from './line-opening-job.js';
import { offerTimeoutJob } from './offer-expired.js';
import { offerTimeoutJobName } from './offer-timeout-job.js';
import { operatorRoutes } from './operator-routes.js';
import { OperatorPresence } from './presence.js';
import { PublishedLines } from './published-lines.js';
import { routeUnqueuedDialogs } from './unrouted-sweep.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Event-driven distribution of waiting dialogs to operators (see `dispatcher.ts`). */
    distribution: Dispatcher;
    /** Operators' live sockets per process: offline when the last one closes or its process dies (see `presence.ts`). */
    operatorPresence: OperatorPresence;
    /** The published lines, cached per process (see `published-lines.ts`). */
    publishedLines: PublishedLines;
  }
}

/**
 * Lines and operators meet here: a new dialog is routed to a line and queued in the transaction that opened it,
 * and every server process hands waiting dialogs to online operators whenever something changes.
 */
export const distributionModule = fp(
  async (app) => {
    const { db, clock } = app;
    const lines = new PublishedLines(db);
    const deps = { db, clock, lines, jobs: app.jobQueue, hub: app.liveHub };
    app.conversations.afterDialogOpened = (tx, conversation, message, queued) =>
      afterDialogOpened(deps, tx, conversation, message, queued);
    // An operator's closed dialog frees a slot: the next waiting dialog takes it in the same commit.
    app.conversations.onStatusChanged(async (tx, { before, after }) => {
      if (before.handler !== 'operator' || after.status !== 'closed') return;
      if ((await assignWithin(deps, tx)) === 'more') await requestDistribution(db, tx);
    });
    const dispatcher = new Dispatcher(() => assignPass(deps), app.log);
    const presence = new OperatorPresence({ db, clock, log: app.log, hub: app.liveHub });
    app.jobWorker.registerHandler(offerTimeoutJobName, offerTimeoutJob(deps));
    app.jobWorker.registerHandler(
      lineOpeningJobName,
      lineOpeningJob((tx) => requestDistribution(db, tx)),
    );
    app.decorate('distribution', dispatcher);
    app.decorate('operatorPresence', presence);
    app.decorate('publishedLines', lines);
    app.addHook('onReady', async () => {
      // Dialogs left unrouted (opened before lines existed) join their queues before the first pass.
      await routeUnqueuedDialogs(deps).catch((err: unknown) =>
        app.log.error({ err }, 'could not route the dialogs found outside any queue'),
      );
      await presence.start();
      await dispatcher.start(db);
    });
    app.addHook('onClose', async () => {
      await presence.stop().catch((err: unknown) => app.log.warn({ err }, 'could not give up live sockets'));
      await dispatcher.stop();
    });
    await app.register(operatorRoutes, { prefix: apiPrefix, deps });
  },
  { name: 'distribution', dependencies: ['conversations'] },
);
