import type { NodeSpec } from '../../node-spec.js';
import { type InclusiveGatewayNode, inclusiveGatewayShape } from './schema.js';

/** With several incoming flows it joins first (the engine counts the arrivals); then it splits. */
export const inclusiveGatewayNode: NodeSpec<InclusiveGatewayNode> = {
  ...inclusiveGatewayShape,
  run: ({ node, walk }) =>
    (walk.process.incoming.get(node.id)?.length ?? 0) > 1 ? { join: true } : { leave: true },
};
