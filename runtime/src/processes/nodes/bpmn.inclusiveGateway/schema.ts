import type { Static } from '@sinclair/typebox';
import { Strict } from '../../../definitions/common-schemas.js';
import { type NodeShape, nodeSchema } from '../../node-shape.js';

/** Splits into every outgoing flow whose condition is true (else the default); as a join, waits only for the branches that were taken. */
export const InclusiveGatewaySchema = nodeSchema('bpmn.inclusiveGateway', Strict({}));
export type InclusiveGatewayNode = Static<typeof InclusiveGatewaySchema>;

export const inclusiveGatewayShape: NodeShape<InclusiveGatewayNode> = {
  schema: InclusiveGatewaySchema,
  category: 'gateway',
  waits: true,
  reads: () => [],
};
