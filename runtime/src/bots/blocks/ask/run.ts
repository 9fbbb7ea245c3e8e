import type { BlockSpec } from '../../block-spec.js';
import { optionButtons } from '../choice-options.js';
import { retryOrFallback } from '../retry.js';
import { type AskBlock, askShape } from './schema.js';
import { validAnswer } from './validate-answer.js';

const choiceButtons = (block: AskBlock, locale: 'ru' | 'en') =>
  block.input === 'choice' && block.options ? { buttons: optionButtons(block.options, locale) } : {};

export const askBlock: BlockSpec<AskBlock> = {
  ...askShape,
  run(ctx) {
    ctx.emit({ type: 'send', text: ctx.text(ctx.block.text), ...choiceButtons(ctx.block, ctx.locale) });
    return { wait: { kind: 'client', attempt: 0 } };
  },
  resume(ctx, event) {
    if (event.type !== 'message') return { refuse: 'the block waits for the client to answer' };
    const value = validAnswer(ctx.block, event);
    if (value === null) return retryOrFallback(ctx, choiceButtons(ctx.block, ctx.locale));
    ctx.set(ctx.block.variable, value);
    return { go: 'next' };
  },
};
