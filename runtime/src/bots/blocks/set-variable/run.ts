import type { BlockSpec } from '../../block-spec.js';
import { renderTemplate } from '../../variables.js';
import { evaluateOver } from '../expression-cache.js';
import { type SetVariableBlock, setVariableShape } from './schema.js';

export const setVariableBlock: BlockSpec<SetVariableBlock> = {
  ...setVariableShape,
  run(ctx) {
    const { value } = ctx.block;
    ctx.set(
      ctx.block.variable,
      'expression' in value
        ? evaluateOver(value.expression, ctx.variables, ctx.clock.now(), ctx.timeZone)
        : renderTemplate(value.template, ctx.variables),
    );
    return { go: 'next' };
  },
};
