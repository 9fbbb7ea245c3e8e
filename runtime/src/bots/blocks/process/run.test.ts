import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { processBlock } from './run.js';
import type { ProcessBlock } from './schema.js';

describe('process block', () => {
  it('asks to start the process with its variables and goes on once it started', () => {
    const b = block(
      'p',
      'process',
      { process: 'refund', variables: { amount: '{{amount}}' }, output: 'instance' },
      { next: 'n', error: 'e' },
    ) as ProcessBlock;
    const ctx = blockContext(b, { variables: { amount: 300 } });
    processBlock.run(ctx);
    expect(ctx.effects).toEqual([
      { type: 'startProcess', requestId: '1:p', process: 'refund', variables: { amount: '300' } },
    ]);
    const resumed = blockContext(b, { waiting: { kind: 'result', attempt: 0, requestId: '1:p' } });
    expect(
      processBlock.resume?.(resumed, { type: 'result', requestId: '1:p', ok: true, value: 'P-1' }),
    ).toEqual({ go: 'next' });
    expect(resumed.variables.instance).toBe('P-1');
  });
});
