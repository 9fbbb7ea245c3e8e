import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/**
 * Where a token ends: `none` ends this token, `terminate` ends every token of its scope (the whole instance at
 * the top level), `error` throws `errorCode` to the enclosing sub-process's error boundary (or fails the instance).
 */
export const EndEventSchema = nodeSchema(
  'bpmn.endEvent',
  Strict({
    result: literals(['none', 'terminate', 'error']),
    errorCode: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
);
export type EndEventNode = Static<typeof EndEventSchema>;

export const endEventShape: NodeShape<EndEventNode> = {
  schema: EndEventSchema,
  category: 'event',
  waits: false,
  reads: () => [],
};
