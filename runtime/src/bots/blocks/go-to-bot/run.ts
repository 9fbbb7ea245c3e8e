import type { Value } from '../../../forms/expressions/index.js';
import type { BlockSpec } from '../../block-spec.js';
import { type GoToBotBlock, goToBotShape } from './schema.js';

export const goToBotBlock: BlockSpec<GoToBotBlock> = {
  ...goToBotShape,
  run(ctx) {
    const names = ctx.block.variables ?? Object.keys(ctx.variables);
    const variables: Record<string, Value> = Object.fromEntries(
      names
        .filter((name) => Object.hasOwn(ctx.variables, name))
        .map((name) => [name, ctx.variables[name] as Value]),
    );
    ctx.emit({ type: 'jumpToBot', bot: ctx.block.bot ?? ctx.botKey, variables });
    return { end: 'jump' };
  },
};
