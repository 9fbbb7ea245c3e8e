import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppSettings } from '../app-settings.js';
import type { Database } from '../db/database.js';
import { FileStore } from '../modules/files/file-store.js';
import { type Clock, systemClock } from './clock.js';
import { HttpGateway } from './http-gateway/http-gateway.js';
import { JobQueue, JobWorker, jobSlotsFor } from './job-queue/index.js';
import { LiveHub } from './live-hub/live-hub.js';
import { RecurringJobs } from './recurring-jobs.js';

export interface AdaptersOptions {
  db: Database;
  settings: AppSettings;
  /** The gateway scripts and HTTP steps reach the network through; tests pass one with a fake resolver. */
  gateway?: HttpGateway;
  /** The time every module reads; the wall clock unless a test fixes it. */
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    settings: AppSettings;
    clock: Clock;
    jobQueue: JobQueue;
    jobWorker: JobWorker;
    recurringJobs: RecurringJobs;
    gateway: HttpGateway;
    liveHub: LiveHub;
    fileStore: FileStore;
  }
}

/** The infrastructure every module may use, as decorations of the root instance. */
export const adapters = fp(
  async (app: FastifyInstance, { db, settings, gateway, clock = systemClock }: AdaptersOptions) => {
    const jobQueue = new JobQueue(db, clock);
    const jobWorker = new JobWorker(db, {
      instanceId: settings.instanceId,
      log: app.log,
      clock,
      leaseMs: settings.jobLeaseMs,
      concurrency: jobSlotsFor(db.kind),
    });
    const liveHub = new LiveHub(db, app.log);
    app.decorate('db', db);
    app.decorate('settings', settings);
    app.decorate('clock', clock);
    app.decorate('jobQueue', jobQueue);
    app.decorate('jobWorker', jobWorker);
    app.decorate('recurringJobs', new RecurringJobs(jobQueue, jobWorker));
    app.decorate('gateway', gateway ?? new HttpGateway());
    app.decorate('liveHub', liveHub);
    app.decorate('fileStore', new FileStore(join(settings.dataDir, 'files')));
    app.addHook('onReady', () => liveHub.start());
    app.addHook('onClose', async () => {
      await jobWorker.stop({ timeoutMs: 20_000 });
      await liveHub.stop();
    });
  },
  { name: 'adapters' },
);
