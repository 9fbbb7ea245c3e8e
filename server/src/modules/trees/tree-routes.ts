import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { definitionKeyPattern } from '@opora/runtime/definitions';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/schemas.js';
import { staff } from '../auth/roles.js';
import type { TreeWalks } from './tree-walks.js';

const Key = Type.Object(
  { key: Type.String({ pattern: definitionKeyPattern }) },
  { additionalProperties: false },
);
const NodeId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const WalkSchema = Type.Object({
  id: Type.String(),
  tree: Type.String(),
  version: Type.Integer(),
  path: Type.Array(Type.String()),
  outcome: Type.Union([Type.String(), Type.Null()]),
});
const EventSchema = Type.Union([
  Type.Object({ type: Type.Literal('choose'), node: NodeId }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('back') }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('restart') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('goto'), path: Type.Array(NodeId, { maxItems: 50 }) },
    { additionalProperties: false },
  ),
  Type.Object({ type: Type.Literal('rate'), helpful: Type.Boolean() }, { additionalProperties: false }),
]);
// A visitor clicking through a tree sends an event a click; allow brisk walking, not floods.
const walking = { access: 'public' as const, rateLimit: { max: 240, timeWindow: '1 minute' } };

/** Question trees on the portal (published trees, recorded walks) and their statistics for the designer. */
export const treeRoutes: FastifyPluginAsyncTypebox<{ walks: TreeWalks }> = async (app, { walks }) => {
  const tags = ['portal: question trees'];

  app.get(
    '/portal/trees/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A published question tree, with the titles of the articles its leaves lead to',
        params: Key,
        response: {
          200: Type.Object({
            key: Type.String(),
            version: Type.Integer(),
            body: Type.Unknown(),
            articles: Type.Record(
              Type.String(),
              Type.Object({ title: Type.String(), summary: Type.String() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => walks.published(request.params.key, request.actor),
  );

  app.post(
    '/portal/trees/:key/walks',
    {
      config: walking,
      schema: {
        tags,
        summary: 'Start recording a walk, optionally at a shared path (its longest valid beginning is taken)',
        params: Key,
        body: Type.Object(
          { path: Type.Optional(Type.Array(NodeId, { maxItems: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: WalkSchema, ...errorResponses },
      },
    },
    (request) => walks.start(request.params.key, request.body.path ?? []),
  );

  app.post(
    '/portal/walks/:id/events',
    {
      config: walking,
      schema: {
        tags,
        summary:
          'One step of a walk: choose a node, go back, restart, jump to a path, or rate the answer reached',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: EventSchema,
        response: { 200: WalkSchema, ...errorResponses },
      },
    },
    (request) => walks.event(request.params.id, request.body),
  );

  app.get(
    '/trees/:key/stats',
    {
      config: { access: staff },
      schema: {
        tags: ['question trees'],
        summary: 'How a tree is used: walks, abandoned walks, and per node visits, stops and outcomes',
        params: Key,
        response: {
          200: Type.Object({
            walks: Type.Integer(),
            abandoned: Type.Integer(),
            nodes: Type.Record(
              Type.String(),
              Type.Object({
                visits: Type.Integer(),
                abandoned: Type.Integer(),
                outcomes: Type.Record(Type.String(), Type.Integer()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => walks.stats(request.params.key),
  );
};
