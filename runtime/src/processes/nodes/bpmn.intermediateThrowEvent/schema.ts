import { type Static, Type } from '@sinclair/typebox';
import { literals, Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/** A milestone (`none`) the token passes, or a `message` thrown to whoever waits for it (the server delivers it). */
export const IntermediateThrowEventSchema = nodeSchema(
  'bpmn.intermediateThrowEvent',
  Strict({
    kind: literals(['none', 'message']),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  }),
);
export type IntermediateThrowEventNode = Static<typeof IntermediateThrowEventSchema>;

export const intermediateThrowEventShape: NodeShape<IntermediateThrowEventNode> = {
  schema: IntermediateThrowEventSchema,
  category: 'event',
  waits: false,
  reads: () => [],
  problems: (node) =>
    node.config.kind === 'message' && !node.config.message
      ? [{ pointer: '/config/message', code: 'required', ru: 'не указано сообщение', en: 'no message named' }]
      : [],
};
