import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DefinitionKind } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { fail } from '../../http/app-error.js';
import { requestLocale } from '../../http/error-handler.js';
import { ErrorResponse, errorResponses, IdParams, NoContent, PageOf, Uuid } from '../../http/schemas.js';
import { canDesign, staff } from '../auth/roles.js';
import {
  CreateBody,
  DefinitionSchema,
  DefinitionSummarySchema,
  DraftVersionBody,
  DraftVersionQuery,
  Kind,
  ListQuery,
  UpdateBody,
  VersionSchema,
  VersionSummarySchema,
} from './definition-schemas.js';
import type { DefinitionService } from './definition-service.js';

const tags = ['definitions'];

/** CRUD of drafts, publishing and versions of every definition kind. */
export const definitionRoutes: FastifyPluginAsyncTypebox<{ definitions: DefinitionService }> = async (
  app,
  { definitions },
) => {
  const design = { access: canDesign };

  app.get(
    '/definitions',
    {
      config: design,
      schema: {
        tags,
        summary: 'List definitions',
        querystring: ListQuery,
        response: { 200: PageOf(DefinitionSummarySchema), ...errorResponses },
      },
    },
    (request) => definitions.list(request.query),
  );

  app.post(
    '/definitions',
    {
      config: design,
      schema: {
        tags,
        summary: 'Create a draft definition',
        body: CreateBody,
        response: { 201: DefinitionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await definitions.create(request.body, request.actor, requestLocale(request))),
  );

  app.get(
    '/definitions/:id',
    {
      config: design,
      schema: {
        tags,
        summary: 'Get a definition with its draft body',
        params: IdParams,
        response: { 200: DefinitionSchema, ...errorResponses },
      },
    },
    (request) => definitions.get(request.params.id),
  );

  app.put(
    '/definitions/:id',
    {
      config: design,
      schema: {
        tags,
        summary: 'Save the draft (optimistic concurrency on draftVersion)',
        params: IdParams,
        body: UpdateBody,
        response: { 200: DefinitionSchema, ...errorResponses },
      },
    },
    (request) => definitions.update(request.params.id, request.body, request.actor, requestLocale(request)),
  );

  app.delete(
    '/definitions/:id',
    {
      config: design,
      schema: {
        tags,
        summary: 'Delete a never-published draft',
        params: IdParams,
        querystring: DraftVersionQuery,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await definitions.remove(request.params.id, request.query.draftVersion, request.actor);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/definitions/:id/publish',
    {
      config: design,
      schema: {
        tags,
        summary: 'Validate the draft and its references; publish an immutable version',
        params: IdParams,
        body: DraftVersionBody,
        response: { 201: VersionSchema, 422: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await definitions.publish(
            request.params.id,
            request.body.draftVersion,
            request.actor,
            requestLocale(request),
          ),
        ),
  );

  app.post(
    '/definitions/:id/archive',
    {
      config: design,
      schema: {
        tags,
        summary: 'Archive a definition',
        params: IdParams,
        response: { 200: DefinitionSchema, ...errorResponses },
      },
    },
    (request) => definitions.archive(request.params.id, request.actor),
  );

  app.get(
    '/definitions/:id/versions',
    {
      config: design,
      schema: {
        tags,
        summary: 'Published versions, newest first',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VersionSummarySchema) }), ...errorResponses },
      },
    },
    (request) => definitions.versions(request.params.id),
  );

  app.get(
    '/definitions/:id/versions/:version',
    {
      config: design,
      schema: {
        tags,
        summary: 'One published version',
        params: Type.Object(
          { id: Uuid, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    (request) => definitions.version(request.params.id, request.params.version),
  );

  app.get(
    '/published/:kind/:key',
    {
      config: { access: staff },
      schema: {
        tags,
        summary: 'The latest published version of a definition (what screens and engines run)',
        params: Type.Object(
          { kind: Kind, key: Type.String({ maxLength: 63 }) },
          { additionalProperties: false },
        ),
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const version = await definitions.latestPublished(
        request.params.kind as DefinitionKind,
        request.params.key,
      );
      if (!version) throw fail.notFound(`${request.params.kind} ${request.params.key}`);
      return version;
    },
  );
};
