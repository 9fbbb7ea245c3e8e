import type { NodeSpec } from '../../node-spec.js';
import { type BoundaryEventNode, boundaryEventShape } from './schema.js';

/** A token reaches a boundary event only when its event happened (the engine sends it there): it goes on. */
export const boundaryEventNode: NodeSpec<BoundaryEventNode> = {
  ...boundaryEventShape,
  run: () => ({ leave: true, outcome: 'fired' }),
};
