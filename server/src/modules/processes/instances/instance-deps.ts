import type { Clock } from '../../../adapters/clock.js';
import type { JobQueue } from '../../../adapters/job-queue/index.js';
import type { Database } from '../../../db/database.js';
import type { TaskPort } from '../process-ports.js';
import type { PublishedProcesses } from './published-processes.js';

/** What stepping instances and carrying out their effects needs. */
export interface InstanceDeps {
  db: Database;
  jobs: JobQueue;
  clock: Clock;
  processes: PublishedProcesses;
  /** The tasks side (the inbox): tasks the engine opens and cancels, people it notifies. */
  tasks: TaskPort;
  /** The zone a timer event's cron is read in. */
  timeZone: string;
  /** Seconds a message no instance waits for is kept for one that will; 0 refuses it. */
  messageTtlSeconds: number;
  /** Told of a message dropped because the chain that threw it grew too long (a loop in the design). */
  onDroppedMessage?: (message: { name: string; from?: string; hops?: number }) => void;
}
