import type { Clock } from '../../../adapters/clock.js';
import type { JobQueue } from '../../../adapters/job-queue/index.js';
import type { LiveHub } from '../../../adapters/live-hub/live-hub.js';
import type { Database } from '../../../db/database.js';
import type { Actor } from '../../auth/actor.js';
import type { PublishedLines } from '../../distribution/published-lines.js';
import type { NotificationService } from '../../portal-account/notification-service.js';
import type { ProcessDocuments } from '../process-documents.js';
import type { InstancePort } from '../process-ports.js';
import type { ProcessVersions } from './process-versions.js';

/** What the tasks side works with. `instances` is read when a task is decided (wired after this module is built). */
export interface TaskDeps {
  db: Database;
  clock: Clock;
  hub: LiveHub;
  jobs: JobQueue;
  lines: PublishedLines;
  notifications: NotificationService;
  versions: ProcessVersions;
  /** Documents of other modules a task may be about (`@kb-article`): their titles and content hashes. */
  documents: ProcessDocuments;
  instances: () => InstancePort;
  /** Whether staff get e-mail (outbound mail is configured); in-app notices go out regardless. */
  mailEnabled: boolean;
  /** Refuses (403) a caller who may not read records of the data type; the approval sheet is about a record. */
  mayReadRecords: (actor: Actor, entity: string) => Promise<void>;
  timeZone: string;
  language: 'ru' | 'en';
}
