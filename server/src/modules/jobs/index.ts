import fp from 'fastify-plugin';
import { apiPrefix } from '../../http/http-platform.js';
import { jobRoutes } from './job-routes.js';

/** The admin's view of the durable job queue (list, retry). */
export const jobsModule = fp(
  async (app) => {
    await app.register(jobRoutes, { prefix: apiPrefix, queue: app.jobQueue });
  },
  { name: 'jobs', dependencies: ['auth'] },
);
