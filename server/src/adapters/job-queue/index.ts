export { backoffMs } from './backoff.js';
export { nextCronRun } from './cron.js';
export { GiveUp, NotYet, RetryLater } from './job-errors.js';
export { JobQueue } from './job-queue.js';
export type { EnqueueOptions, HandlerOptions, Job, JobContext, JobHandler, JobStatus } from './job-types.js';
export { JobWorker, jobSlotsFor, type WorkerOptions } from './job-worker.js';
