import type { FastifyBaseLogger } from 'fastify';
import type { TaskPort } from '../process-ports.js';

/**
 * A tasks side that keeps nothing and says so in the log: what the app runs on until the inbox (`tasks/`) is
 * wired in its place. An instance waiting at a user task waits until its task is completed through `feed`.
 */
export function loggingTaskPort(log: FastifyBaseLogger): TaskPort {
  return {
    open: async (_tx, task) => log.warn({ task }, 'process task opened, but no inbox keeps it'),
    cancel: async (_tx, instanceId, taskId) => log.info({ instanceId, taskId }, 'process task cancelled'),
    notify: async (_tx, instanceId, effect) =>
      log.warn({ instanceId, to: effect.to, reason: effect.reason }, 'process notice, but no inbox sends it'),
  };
}
