import type { NodeSpec } from '../../node-spec.js';
import { scopeOf } from '../../walk.js';
import { type IntermediateThrowEventNode, intermediateThrowEventShape } from './schema.js';

/** Passes the token; a message event asks the server to deliver the message with the instance's variables. */
export const intermediateThrowEventNode: NodeSpec<IntermediateThrowEventNode> = {
  ...intermediateThrowEventShape,
  run({ node, token, walk }) {
    if (node.config.kind === 'message' && node.config.message)
      walk.effects.push({
        type: 'publishMessage',
        name: node.config.message,
        variables: scopeOf(walk, token),
      });
    return { leave: true };
  },
};
