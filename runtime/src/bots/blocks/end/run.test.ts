import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { endBlock } from './run.js';
import type { EndBlock } from './schema.js';

describe('end block', () => {
  it('says its last words and ends', () => {
    const ctx = blockContext(block('e', 'end', { text: { ru: 'До свидания!' } }) as EndBlock);
    expect(endBlock.run(ctx)).toEqual({ end: 'end' });
    expect(ctx.effects).toEqual([{ type: 'send', text: 'До свидания!' }]);
  });
});
