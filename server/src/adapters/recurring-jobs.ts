import type { JobHandler, JobQueue, JobWorker } from './job-queue/index.js';

interface Recurring {
  name: string;
  cron: string;
}

/**
 * Modules declare their periodic jobs while the app is built (handler now, schedule later), so building an app
 * writes nothing: the schedules reach the database only when a process starts doing background work.
 */
export class RecurringJobs {
  private readonly recurring: Recurring[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly worker: JobWorker,
  ) {}

  add(name: string, cron: string, handler: JobHandler): void {
    this.worker.registerHandler(name, handler);
    this.recurring.push({ name, cron });
  }

  /** Stores every schedule (idempotent by name) and starts claiming jobs. */
  async start(): Promise<void> {
    for (const { name, cron } of this.recurring) await this.queue.schedule(name, cron, name);
    this.worker.start();
  }
}
