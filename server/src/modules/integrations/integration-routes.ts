import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { buildHttpStepCall, HttpStepConfigSchema, mapHttpStepResponse } from '@opora/runtime/steps/http-step';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/schemas.js';
import { canDesign } from '../auth/roles.js';
import { CallRefused, type IntegrationCaller } from './integration-call.js';

/** Runs a no-code HTTP step with sample variables, exactly as a process or bot step will run it. */
export const integrationRoutes: FastifyPluginAsyncTypebox<{ caller: IntegrationCaller }> = async (
  app,
  { caller },
) => {
  app.post(
    '/integrations/http-step/run',
    {
      config: { access: canDesign },
      schema: {
        tags: ['integrations'],
        summary: 'Run an HTTP step (integration call with templates and response mapping)',
        body: Type.Object(
          {
            step: HttpStepConfigSchema,
            variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            status: Type.Integer(),
            url: Type.String(),
            variables: Type.Record(Type.String(), Type.Unknown()),
            missing: Type.Array(Type.String()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { step, variables = {} } = request.body;
      let call: ReturnType<typeof buildHttpStepCall>;
      try {
        call = buildHttpStepCall(step, variables);
      } catch (error) {
        throw fail.validation([{ pointer: '/step', message: (error as Error).message, code: 'template' }]);
      }
      try {
        const response = await caller.call(call);
        return { status: response.status, url: response.url, ...mapHttpStepResponse(step, response) };
      } catch (error) {
        if (error instanceof CallRefused)
          throw fail.integrationRefused(error.describe(requestLocale(request)));
        throw error;
      }
    },
  );
};
