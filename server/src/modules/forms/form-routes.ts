import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { requestLocale } from '../../http/error-handler.js';
import { errorResponses } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import { Data, RecordSchema } from '../records/record-routes.js';
import type { FormService } from './form-service.js';

const tags = ['forms'];
const FormParams = Type.Object(
  { key: Type.String({ pattern: definitionKeyPattern }) },
  { additionalProperties: false },
);
const Published = Type.Object({ key: Type.String(), version: Type.Integer(), body: Type.Unknown() });

/** Designed forms as the generated screens use them: fetch the published form, submit it. */
export const formRoutes: FastifyPluginAsyncTypebox<{ forms: FormService }> = async (app, { forms }) => {
  const config = { access: staff };

  app.get(
    '/forms',
    {
      config,
      schema: {
        tags,
        summary: 'Published forms of a data type: key, purpose and title of each',
        querystring: Type.Object(
          { entity: Type.String({ pattern: definitionKeyPattern }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                version: Type.Integer(),
                purpose: Type.String(),
                title: Type.Union([
                  Type.Object({ ru: Type.String(), en: Type.Optional(Type.String()) }),
                  Type.Null(),
                ]),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => forms.list(request.query.entity),
  );

  app.get(
    '/forms/:key',
    {
      config,
      schema: {
        tags,
        summary: 'The latest published form with the published data type it edits',
        params: FormParams,
        response: { 200: Type.Object({ form: Published, entity: Published }), ...errorResponses },
      },
    },
    (request) => forms.published(request.params.key),
  );

  app.post(
    '/forms/:key/submit',
    {
      config,
      schema: {
        tags,
        summary:
          'Submit a form: re-evaluated and validated on the server, saved, then its on-submit actions run',
        description:
          'Without recordId a record is created; with recordId and version the record is updated (409 when someone changed it meanwhile). Field problems come back as 400 with details pointing at /data/<field>.',
        params: FormParams,
        body: Type.Object(
          {
            data: Data,
            recordId: Type.Optional(Type.String({ format: 'uuid' })),
            version: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            record: RecordSchema,
            actions: Type.Array(
              Type.Object({
                type: Type.String(),
                ok: Type.Boolean(),
                message: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => forms.submit(request.params.key, request.body, request.actor, requestLocale(request)),
  );
};
