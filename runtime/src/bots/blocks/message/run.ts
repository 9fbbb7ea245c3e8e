import type { BlockSpec } from '../../block-spec.js';
import { type MessageBlock, messageShape } from './schema.js';

export const messageBlock: BlockSpec<MessageBlock> = {
  ...messageShape,
  run(ctx) {
    const { attachments } = ctx.block;
    ctx.emit({
      type: 'send',
      text: ctx.text(ctx.block.text),
      ...(attachments?.length ? { attachments } : {}),
    });
    return { go: 'next' };
  },
};
