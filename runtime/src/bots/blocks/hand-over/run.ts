import { text as valueText } from '../../../forms/expressions/index.js';
import type { BlockSpec } from '../../block-spec.js';
import { readVariable } from '../../variables.js';
import { type HandOverBlock, handOverShape } from './schema.js';

export const handOverBlock: BlockSpec<HandOverBlock> = {
  ...handOverShape,
  run(ctx) {
    if (ctx.block.text) ctx.emit({ type: 'send', text: ctx.text(ctx.block.text) });
    const summary = ctx.block.summary.map((item) => ({
      label: ctx.locale === 'en' && item.label.en ? item.label.en : item.label.ru,
      value: valueText(readVariable(ctx.variables, item.variable)).slice(0, 2000),
    }));
    ctx.emit({ type: 'handOver', line: ctx.block.line, summary });
    return { handOver: true };
  },
  resume(ctx, event) {
    if (event.type !== 'operatorReturned') return { refuse: 'the dialog is with an operator' };
    return ctx.block.exits.next ? { go: 'next' } : { end: 'end' };
  },
};
