import type { BlockSpec } from '../../block-spec.js';
import { type EndBlock, endShape } from './schema.js';

export const endBlock: BlockSpec<EndBlock> = {
  ...endShape,
  run(ctx) {
    if (ctx.block.text) ctx.emit({ type: 'send', text: ctx.text(ctx.block.text) });
    return { end: 'end' };
  },
};
