import type { NodeSpec } from '../../node-spec.js';
import { type ParallelGatewayNode, parallelGatewayShape } from './schema.js';

/** With several incoming flows it joins first (the engine counts the arrivals); then it splits. */
export const parallelGatewayNode: NodeSpec<ParallelGatewayNode> = {
  ...parallelGatewayShape,
  run: ({ node, walk }) =>
    (walk.process.incoming.get(node.id)?.length ?? 0) > 1 ? { join: true } : { leave: true },
};
