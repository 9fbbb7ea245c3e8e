import type { NodeSpec } from '../../node-spec.js';
import { type StartEventNode, startEventShape } from './schema.js';

/** A token starts here and leaves at once (the trigger already happened). */
export const startEventNode: NodeSpec<StartEventNode> = {
  ...startEventShape,
  run: () => ({ leave: true, outcome: 'started' }),
};
