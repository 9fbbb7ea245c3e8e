import type { Static } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/** Takes the first outgoing flow whose condition is true (in flow order), else the default flow; merges without waiting. */
export const ExclusiveGatewaySchema = nodeSchema('bpmn.exclusiveGateway', Strict({}));
export type ExclusiveGatewayNode = Static<typeof ExclusiveGatewaySchema>;

export const exclusiveGatewayShape: NodeShape<ExclusiveGatewayNode> = {
  schema: ExclusiveGatewaySchema,
  category: 'gateway',
  waits: false,
  reads: () => [],
};
