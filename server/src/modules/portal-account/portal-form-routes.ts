import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import type { Database } from '../../db/database.js';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, errorResponses } from '../../http/schemas.js';
import type { Actor } from '../auth/actor.js';
import type { DefinitionService } from '../definitions/definition-service.js';
import type { FormService } from '../forms/form-service.js';
import { Data } from '../records/record-routes.js';
import { linkedRecord, portalAccount } from './portal-mapping.js';

export interface PortalFormRoutesOptions {
  db: Database;
  forms: FormService;
  definitions: DefinitionService;
  submitRateLimit: number;
}

const tags = ['portal'];
const FormParams = Type.Object(
  { key: Type.String({ pattern: definitionKeyPattern }) },
  { additionalProperties: false },
);
const Published = Type.Object({ key: Type.String(), version: Type.Integer(), body: Type.Unknown() });

/** Portal forms (ФОС): published forms of purpose `portal`, open to anyone, submitted through the form engine. */
export const portalFormRoutes: FastifyPluginAsyncTypebox<PortalFormRoutesOptions> = async (app, options) => {
  const { db, forms, definitions } = options;

  // Staff forms are not the public's business: anything but a portal form is simply not there.
  const portalForm = async (key: string) => {
    const published = await forms.published(key);
    if (published.form.body.purpose !== 'portal') throw fail.notFound(`form ${key}`);
    return published;
  };

  /** A portal request belongs to the signed-in client; nobody may file one in another client's name. */
  const fixedValues = async (entity: string, actor: Actor | null) => {
    const account = await portalAccount(definitions);
    if (!account || entity !== account.requests) return undefined;
    return { [account.requestClient]: actor ? await linkedRecord(db, actor.id) : null };
  };

  app.get(
    '/portal/forms/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published portal form with the data type it fills',
        params: FormParams,
        response: { 200: Type.Object({ form: Published, entity: Published }), ...errorResponses },
      },
    },
    (request) => portalForm(request.params.key),
  );

  app.post(
    '/portal/forms/:key/submit',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.submitRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Submit a portal form (anonymously or as a signed-in client); answers the new request’s number',
        description:
          'Re-evaluated and validated on the server like any form. For the portal’s request type the client ' +
          'field is set by the server: the caller’s client record, or empty for anonymous callers.',
        params: FormParams,
        body: Type.Object({ data: Data }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.String(), number: Type.Integer() }),
          ...errorResponses,
          429: ErrorResponse,
        },
      },
    },
    async (request) => {
      const { entity } = await portalForm(request.params.key);
      const fixed = await fixedValues(entity.key, request.actor);
      const { record } = await forms.submit(
        request.params.key,
        { data: request.body.data, ...(fixed ? { fixed } : {}) },
        request.actor,
        requestLocale(request),
        { viaPortal: true },
      );
      return { id: record.id, number: record.number };
    },
  );
};
