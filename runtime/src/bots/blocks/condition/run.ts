import { truthy } from '../../../forms/expressions/index.js';
import type { BlockSpec } from '../../block-spec.js';
import { evaluateOver } from '../expression-cache.js';
import { type ConditionBlock, conditionShape } from './schema.js';

export const conditionBlock: BlockSpec<ConditionBlock> = {
  ...conditionShape,
  run(ctx) {
    const value = evaluateOver(ctx.block.expression, ctx.variables, ctx.clock.now(), ctx.timeZone);
    return { go: truthy(value) ? 'true' : 'false' };
  },
};
