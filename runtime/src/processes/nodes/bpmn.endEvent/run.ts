import type { NodeSpec } from '../../node-spec.js';
import { type EndEventNode, endEventShape } from './schema.js';

export const endEventNode: NodeSpec<EndEventNode> = {
  ...endEventShape,
  run: ({ node }) => ({
    end: node.config.result,
    ...(node.config.errorCode ? { errorCode: node.config.errorCode } : {}),
  }),
};
