import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { setVariableBlock } from './run.js';
import type { SetVariableBlock } from './schema.js';

describe('set-variable block', () => {
  it('sets a computed value', () => {
    const b = block(
      's',
      'set-variable',
      { variable: 'total', value: { expression: 'price * 2' } },
      { next: 'n' },
    );
    const ctx = blockContext(b as SetVariableBlock, { variables: { price: 21 } });
    expect(setVariableBlock.run(ctx)).toEqual({ go: 'next' });
    expect(ctx.variables.total).toBe(42);
  });

  it('sets a text from a template', () => {
    const b = block(
      's',
      'set-variable',
      { variable: 'subject', value: { template: 'Звонок {{phone}}' } },
      { next: 'n' },
    );
    const ctx = blockContext(b as SetVariableBlock, { variables: { phone: '+7900' } });
    setVariableBlock.run(ctx);
    expect(ctx.variables.subject).toBe('Звонок +7900');
  });
});
