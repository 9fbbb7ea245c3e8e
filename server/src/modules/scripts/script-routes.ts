import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/schemas.js';
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
        request.body.limits ?? {},
        request.actor,
        requestLocale(request),
      ),
  );
};
