import type { EntityBody } from '@opora/runtime/definitions';
import type { FastifyInstance } from 'fastify';
import { apiPrefix } from '../../../http/http-platform.js';
import type { Actor } from '../../auth/actor.js';
import { PublishedLines } from '../../distribution/published-lines.js';
import { MyRequests } from '../../portal-account/my-requests.js';
import { NotificationService } from '../../portal-account/notification-service.js';
import { RecordAccess } from '../../records/record-access.js';
import type { InstancePort, TaskPort } from '../process-ports.js';
import { clientTaskRoutes } from './client-task-routes.js';
import { ProcessVersions } from './process-versions.js';
import { staffMailJob, staffMailJobName } from './staff-mail-job.js';
import type { TaskDeps } from './task-deps.js';
import { taskPort } from './task-port.js';
import { taskRoutes } from './task-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The tasks side of the processes (the inbox): what the instances open, cancel and notify through. */
    processTasks: TaskPort;
  }
}

/** Whether a record is one of the client's requests: «Мои обращения» answers it, or says it is not there. */
const ownsRequest = (app: FastifyInstance) => {
  const requests = new MyRequests(app.db, app.definitions);
  return (actor: Actor, recordId: string) =>
    requests.get(actor, recordId, 'ru').then(
      () => true,
      () => false,
    );
};

/**
 * The inbox of process tasks: the TaskPort the instances call, the staff mail job, the routes. `instances` is read
 * only when a task is decided, so the two sides may be built in either order.
 */
export async function registerProcessTasks(
  app: FastifyInstance,
  instances: () => InstancePort,
): Promise<TaskPort> {
  const deps: TaskDeps = {
    db: app.db,
    clock: app.clock,
    hub: app.liveHub,
    jobs: app.jobQueue,
    lines: new PublishedLines(app.db),
    notifications: new NotificationService(app.db),
    versions: new ProcessVersions(app.db),
    documents: app.processDocuments,
    instances,
    mailEnabled: app.settings.smtpUrl !== undefined,
    mayReadRecords: async (actor, entity) => {
      const type = await app.definitions.latestPublished('entity', entity);
      if (type) new RecordAccess(app.db).scope(entity, type.body as EntityBody, actor, 'read');
    },
    timeZone: app.settings.timeZone,
    language: app.settings.language,
  };
  const port = taskPort(deps);
  app.decorate('processTasks', port);
  app.jobWorker.registerHandler(
    staffMailJobName,
    staffMailJob({ db: app.db, mailer: app.mailer, publicUrl: app.settings.publicUrl }),
  );
  await app.register(taskRoutes, { prefix: apiPrefix, deps });
  await app.register(clientTaskRoutes, {
    prefix: apiPrefix,
    deps,
    ownsRequest: ownsRequest(app),
    publishedForm: (key) => app.forms.published(key),
  });
  return port;
}
