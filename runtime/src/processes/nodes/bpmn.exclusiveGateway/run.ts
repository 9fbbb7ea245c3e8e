import type { NodeSpec } from '../../node-spec.js';
import { type ExclusiveGatewayNode, exclusiveGatewayShape } from './schema.js';

/** Passes the token by the first flow whose condition holds (a merge passes every token). */
export const exclusiveGatewayNode: NodeSpec<ExclusiveGatewayNode> = {
  ...exclusiveGatewayShape,
  run: () => ({ leave: true }),
};
