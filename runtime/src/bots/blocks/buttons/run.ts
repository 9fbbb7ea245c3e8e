import type { BlockSpec } from '../../block-spec.js';
import { chosenOption, optionButtons } from '../choice-options.js';
import { retryOrFallback } from '../retry.js';
import { type ButtonsBlock, buttonsShape } from './schema.js';

export const buttonsBlock: BlockSpec<ButtonsBlock> = {
  ...buttonsShape,
  run(ctx) {
    const buttons = optionButtons(ctx.block.options, ctx.locale);
    ctx.emit({ type: 'send', text: ctx.text(ctx.block.text), buttons });
    return { wait: { kind: 'client', attempt: 0 } };
  },
  resume(ctx, event) {
    if (event.type !== 'message') return { refuse: 'the block waits for the client to choose' };
    const option = chosenOption(ctx.block.options, event);
    if (!option) return retryOrFallback(ctx, { buttons: optionButtons(ctx.block.options, ctx.locale) });
    if (ctx.block.variable) ctx.set(ctx.block.variable, option.id);
    return { go: `option:${option.id}` };
  },
};
