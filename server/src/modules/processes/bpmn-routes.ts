import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { migrateDefinitionBody, type ProcessBody } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { AppError, fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses, IdParams } from '../../http/schemas.js';
import { canDesign } from '../auth/roles.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import { BpmnRefusedError, bpmnLimits, exportBpmn, importBpmn } from './bpmn/index.js';

const tags = ['processes'];

const ImportResponse = Type.Object({
  body: Type.Object({}, { additionalProperties: true }),
  problems: Type.Array(Type.Object({ pointer: Type.String(), code: Type.String(), message: Type.String() })),
});

/** BPMN 2.0 files in and out: an import gives a process body to save as a draft, an export writes a draft. */
export const bpmnRoutes: FastifyPluginAsyncTypebox<{ definitions: DefinitionService }> = async (
  app,
  { definitions },
) => {
  // Only this plugin's routes read XML bodies, as text: the importer refuses hostile XML before parsing it.
  const xmlTypes = ['application/xml', 'text/xml', 'application/bpmn+xml'];
  app.addContentTypeParser(
    xmlTypes,
    { parseAs: 'string', bodyLimit: bpmnLimits.maxBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/processes/import',
    {
      config: { access: canDesign },
      bodyLimit: bpmnLimits.maxBytes,
      schema: {
        tags,
        summary: 'Read a BPMN 2.0 file into a process body (nothing is saved)',
        description:
          'The XML is the request body (application/xml). Answers the body and the problems to look at; hostile ' +
          'or oversized files are refused with 400 (`bpmn_*` codes).',
        response: { 200: ImportResponse, ...errorResponses },
      },
    },
    async (request) => {
      if (typeof request.body !== 'string') throw fail.unsupportedMediaType();
      try {
        return await importBpmn(request.body, requestLocale(request));
      } catch (error) {
        if (error instanceof BpmnRefusedError)
          throw new AppError(400, `bpmn_${error.code}`, 'bpmn_refused', { reason: error.message });
        throw error;
      }
    },
  );

  app.get(
    '/definitions/:id/bpmn',
    {
      config: { access: canDesign },
      schema: {
        tags,
        summary: "Write a process definition's draft as a BPMN 2.0 file",
        params: IdParams,
        response: { 200: Type.String({ description: 'BPMN 2.0 XML' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const definition = await definitions.get(request.params.id);
      if (definition.kind !== 'process') throw fail.notFound(`process ${request.params.id}`);
      const body = migrateDefinitionBody('process', definition.body) as ProcessBody;
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="${definition.key}.bpmn"`)
        .send(exportBpmn(body));
    },
  );
};
