import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { goToBotBlock } from './run.js';
import type { GoToBotBlock } from './schema.js';

describe('go-to-bot block', () => {
  it('hands the dialog to another bot with the named variables and ends', () => {
    const ctx = blockContext(
      block('g', 'go-to-bot', { bot: 'billing', variables: ['phone', 'missing'] }) as GoToBotBlock,
      {
        variables: { phone: '+7900', secret: 'x' },
      },
    );
    expect(goToBotBlock.run(ctx)).toEqual({ end: 'jump' });
    expect(ctx.effects).toEqual([{ type: 'jumpToBot', bot: 'billing', variables: { phone: '+7900' } }]);
  });

  it('without a bot, starts this bot again with all variables', () => {
    const ctx = blockContext(block('g', 'go-to-bot') as GoToBotBlock, { variables: { a: 1 } });
    goToBotBlock.run(ctx);
    expect(ctx.effects).toEqual([{ type: 'jumpToBot', bot: 'test-bot', variables: { a: 1 } }]);
  });
});
