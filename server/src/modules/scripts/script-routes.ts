import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { localeFrom } from '../../http/messages.js';
import { errorResponses, maxOffset, PageOf, Uuid } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { ScriptService } from './script-service.js';

const Limits = Type.Object(
  {
    memoryMb: Type.Optional(Type.Integer({ minimum: 8, maximum: 512 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 60000 })),
    cpuMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 30000 })),
    maxOutputBytes: Type.Optional(Type.Integer({ minimum: 1 })),
    maxLogBytes: Type.Optional(Type.Integer({ minimum: 1 })),
    maxSdkCalls: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const RunResultSchema = Type.Object({
  ok: Type.Boolean(),
  output: Type.Optional(Type.Unknown()),
  error: Type.Optional(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      line: Type.Optional(Type.Integer()),
      column: Type.Optional(Type.Integer()),
      stack: Type.Optional(Type.String()),
    }),
  ),
  logs: Type.Array(Type.Object({ level: Type.String(), message: Type.String() })),
  logsTruncated: Type.Boolean(),
  durationMs: Type.Number(),
  cpuMs: Type.Number(),
  memoryBytes: Type.Number(),
  sdkCalls: Type.Integer(),
});

const RunSchema = Type.Object({
  id: Uuid,
  script: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  trigger: Type.String(),
  triggeredBy: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String({ format: 'date-time' }),
  durationMs: Type.Number(),
  cpuMs: Type.Number(),
  memoryBytes: Type.Number(),
  sdkCalls: Type.Integer(),
  outcome: Type.String(),
  error: Type.Union([Type.Unknown(), Type.Null()]),
  logs: Type.Array(Type.Object({ level: Type.String(), message: Type.String() })),
  logsTruncated: Type.Boolean(),
});

/**
 * The language a run speaks to its author: the UI's own (the designer names it in Accept-Language on every
 * call, and switching the UI's language changes only that), else the user's setting.
 */
const runLocale = (request: FastifyRequest) => {
  const header = request.headers['accept-language'];
  return header ? localeFrom(header) : requestLocale(request);
};

/** Developers try a script with sample input: output, logs, duration, memory, errors at their TS line. */
export const scriptRoutes: FastifyPluginAsyncTypebox<{ scripts: ScriptService }> = async (
  app,
  { scripts },
) => {
  app.post(
    '/scripts/test-run',
    {
      config: { access: ['admin', 'developer'] },
      schema: {
        tags: ['scripts'],
        summary: 'Compile and run TypeScript in the sandbox with sample input (as the calling user)',
        body: Type.Object(
          {
            source: Type.String({ minLength: 1, maxLength: 200000 }),
            input: Type.Optional(Type.Unknown()),
            limits: Type.Optional(Limits),
            /** The integrations the draft declares: ctx.http.fetch may call these. */
            integrations: Type.Optional(Type.Array(Type.String({ maxLength: 63 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RunResultSchema, ...errorResponses },
      },
    },
    (request) =>
      scripts.testRun(
        request.body.source,
        request.body.input ?? null,
        { limits: request.body.limits ?? {}, integrations: request.body.integrations ?? [] },
        request.actor,
        runLocale(request),
      ),
  );

  app.post(
    '/scripts/:key/run',
    {
      config: { access: staff },
      schema: {
        tags: ['scripts'],
        summary:
          'Run the latest published version as the caller (input and output checked against its schemas; recorded)',
        params: Type.Object({ key: Type.String({ maxLength: 63 }) }, { additionalProperties: false }),
        body: Type.Object({ input: Type.Optional(Type.Unknown()) }, { additionalProperties: false }),
        response: {
          200: Type.Intersect([RunResultSchema, Type.Object({ runId: Uuid, version: Type.Integer() })]),
          ...errorResponses,
        },
      },
    },
    (request) =>
      scripts.runPublished(
        request.params.key,
        request.body.input ?? null,
        { kind: 'api', by: request.actor?.name ?? null },
        request.actor,
        runLocale(request),
      ),
  );

  app.get(
    '/scripts/runs',
    {
      config: { access: ['admin', 'developer', 'supervisor'] },
      schema: {
        tags: ['scripts'],
        summary: 'Recorded production runs, newest first',
        querystring: Type.Object(
          {
            script: Type.Optional(Type.String({ maxLength: 63 })),
            outcome: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: maxOffset })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(RunSchema), ...errorResponses },
      },
    },
    (request) => scripts.runs.list(request.query),
  );

  app.get(
    '/scripts/runs/:id',
    {
      config: { access: ['admin', 'developer', 'supervisor'] },
      schema: {
        tags: ['scripts'],
        summary: 'One recorded run with its logs',
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        response: { 200: RunSchema, ...errorResponses },
      },
    },
    async (request) => {
      const run = await scripts.runs.get(request.params.id);
      if (!run) throw fail.notFound(`script run ${request.params.id}`);
      return run;
    },
  );
};
