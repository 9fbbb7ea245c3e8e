import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { handOverBlock } from './run.js';
import type { HandOverBlock } from './schema.js';

describe('hand-over block', () => {
  const b = block('op', 'hand-over', {
    line: 'support',
    summary: [
      { label: { ru: 'Телефон', en: 'Phone' }, variable: 'phone' },
      { label: { ru: 'Договор' }, variable: 'contract.number' },
    ],
  }) as HandOverBlock;

  it('hands the dialog to the line with a summary of what was collected', () => {
    const ctx = blockContext(b, { variables: { phone: '+7900', contract: { number: 'Д-1' } } });
    expect(handOverBlock.run(ctx)).toEqual({ handOver: true });
    expect(ctx.effects).toEqual([
      {
        type: 'handOver',
        line: 'support',
        summary: [
          { label: 'Телефон', value: '+7900' },
          { label: 'Договор', value: 'Д-1' },
        ],
      },
    ]);
  });

  it('ends when the operator hands back and no next is set; refuses client messages', () => {
    const ctx = blockContext(b, { waiting: { kind: 'operator', attempt: 0 } });
    expect(handOverBlock.resume?.(ctx, { type: 'message', text: 'алло' })).toHaveProperty('refuse');
    expect(handOverBlock.resume?.(ctx, { type: 'operatorReturned', blockId: 'op' })).toEqual({ end: 'end' });
  });
});
