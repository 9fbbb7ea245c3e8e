import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { bpmnRoutes } from './bpmn-routes.js';
import { processEffectJob } from './instances/effect-job.js';
import { processFeedJob, processMessageJob } from './instances/feed-job.js';
import { formStarts } from './instances/form-starts.js';
import type { InstanceDeps } from './instances/instance-deps.js';
import { instanceRoutes } from './instances/instance-routes.js';
import { processMessageJobName } from './instances/message-publish.js';
import { ProcessInstances } from './instances/process-instances.js';
import { processEffectJobName, processFeedJobName } from './instances/process-jobs.js';
import { processTimerJobName } from './instances/process-timers.js';
import { PublishedProcesses } from './instances/published-processes.js';
import { recordStarts } from './instances/record-starts.js';
import { processRetentionJob, processRetentionJobName } from './instances/retention-job.js';
import { processTimerJob } from './instances/timer-job.js';
import {
  processTimerStartJob,
  processTimerStartJobName,
  timerStartPublishing,
} from './instances/timer-starts.js';
import { ProcessDocuments } from './process-documents.js';
import { registerProcessTasks } from './tasks/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Process instances: start (`ProcessStarter`), feed and read (`InstancePort`). */
    processInstances: ProcessInstances;
    /** Published process versions, prepared once per server process. */
    publishedProcesses: PublishedProcesses;
    /** What processes may be about besides records (`@kb-article`): modules register their document types. */
    processDocuments: ProcessDocuments;
  }
}

/**
 * Business processes: their BPMN 2.0 import and export, and their instances — started from the API, bots and
 * messages, stepped one event at a time under the instance's row lock, their timers, requests and messages
 * carried out by durable jobs (`process.timer`, `process.effect`, `process.feed`, `process.message`).
 */
export const processesModule = fp(
  async (app) => {
    const processes = new PublishedProcesses(app.db);
    app.decorate('processDocuments', new ProcessDocuments());
    const tasks = await registerProcessTasks(app, () => app.processInstances);
    const deps: InstanceDeps = {
      db: app.db,
      jobs: app.jobQueue,
      clock: app.clock,
      processes,
      tasks,
      timeZone: app.settings.timeZone,
      messageTtlSeconds: app.settings.processMessageTtlSeconds,
      onDroppedMessage: ({ name, from, hops }) =>
        app.log.warn(
          { message: name, from, hops },
          'a process message was dropped: the chain of messages that threw it loops (processes start or wake each other)',
        ),
    };
    const instances = new ProcessInstances(deps);
    app.decorate('processInstances', instances);
    app.decorate('publishedProcesses', processes);
    app.jobWorker.registerHandler(processTimerJobName, processTimerJob(deps));
    app.jobWorker.registerHandler(processFeedJobName, processFeedJob(deps));
    app.jobWorker.registerHandler(processMessageJobName, processMessageJob(deps));
    const recordPorts = {
      db: app.db,
      records: app.records,
      definitions: app.definitions,
      conversations: app.conversations,
      documents: app.processDocuments,
      language: app.settings.language,
    };
    const effects = processEffectJob(deps, {
      ...recordPorts,
      scripts: app.scripts,
      integrations: app.integrations,
    });
    app.jobWorker.registerHandler(processEffectJobName, effects.handler, effects.options);
    app.records.onSaved(recordStarts(deps, recordPorts));
    app.forms.onSubmitted(formStarts(deps));
    app.jobWorker.registerHandler(processTimerStartJobName, processTimerStartJob(deps));
    const timerStarts = timerStartPublishing(deps);
    app.definitions.extend('process', {
      check: async () => [],
      async published(tx, version) {
        processes.publishing();
        await timerStarts.published(tx, version);
      },
    });
    app.addHook('onReady', () => processes.start());
    app.addHook('onClose', () => processes.stop());
    app.recurringJobs.add(
      processRetentionJobName,
      '37 2 * * *',
      processRetentionJob(app.db, app.clock, app.settings.processHistoryDays),
    );
    await app.register(bpmnRoutes, { prefix: apiPrefix, definitions: app.definitions });
    await app.register(instanceRoutes, { prefix: apiPrefix, deps, instances });
  },
  {
    name: 'processes',
    dependencies: ['auth', 'definitions', 'records', 'scripts', 'integrations', 'forms', 'conversations'],
  },
);
