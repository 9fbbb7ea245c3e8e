import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { literals } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import type { JobQueue } from '../../adapters/job-queue/index.js';
import type { Job } from '../../adapters/job-queue/job-types.js';
import { fail } from '../../http/app-error.js';
import { errorResponses, PageOf, Paging } from '../../http/schemas.js';
import { adminOnly } from '../auth/roles.js';

const JobSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  runAt: Type.String(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
const JobParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9]{1,18}$' }) },
  { additionalProperties: false },
);

const jobView = (job: Job) => ({
  id: job.id,
  name: job.name,
  status: job.status,
  attempts: job.attempts,
  maxAttempts: job.maxAttempts,
  runAt: job.runAt.toISOString(),
  lastError: job.lastError,
  createdAt: job.createdAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
});

/** Administrators see background jobs, and retry or cancel them. */
export const jobRoutes: FastifyPluginAsyncTypebox<{ queue: JobQueue }> = async (app, { queue }) => {
  const config = { access: adminOnly };
  const tags = ['jobs'];
  app.get(
    '/jobs',
    {
      config,
      schema: {
        tags,
        summary: 'List background jobs',
        querystring: Type.Object(
          {
            status: Type.Optional(literals(['pending', 'running', 'done', 'failed', 'cancelled'])),
            name: Type.Optional(Type.String({ maxLength: 200 })),
            ...Paging,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(JobSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await queue.list(request.query);
      return { ...page, items: page.items.map(jobView) };
    },
  );
  app.post(
    '/jobs/:id/retry',
    {
      config,
      schema: {
        tags,
        summary: 'Retry a failed job now',
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!(await queue.retry(request.params.id))) throw fail.notFound(`failed job ${request.params.id}`);
      return jobView((await queue.get(request.params.id))!);
    },
  );
  app.post(
    '/jobs/:id/cancel',
    {
      config,
      schema: {
        tags,
        summary: 'Cancel a job that has not run',
        params: JobParams,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!(await queue.cancel(request.params.id))) throw fail.notFound(`pending job ${request.params.id}`);
      return jobView((await queue.get(request.params.id))!);
    },
  );
};
