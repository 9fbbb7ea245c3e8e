import type { Static } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/** Splits into every outgoing flow; as a join, waits for a token on every incoming flow. */
export const ParallelGatewaySchema = nodeSchema('bpmn.parallelGateway', Strict({}));
export type ParallelGatewayNode = Static<typeof ParallelGatewaySchema>;

export const parallelGatewayShape: NodeShape<ParallelGatewayNode> = {
  schema: ParallelGatewaySchema,
  category: 'gateway',
  waits: true,
  reads: () => [],
};
