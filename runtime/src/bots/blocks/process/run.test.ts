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

  it('starts it about the record its id names, and takes the error exit when the id comes out empty', () => {
    const b = block(
      'p',
      'process',
      {
        process: 'refund',
        variables: {},
        record: { entity: 'request', id: '{{request.id}}' },
        output: 'instance',
      },
      { next: 'n', error: 'e' },
    ) as ProcessBlock;
    const ctx = blockContext(b, { variables: { request: { id: 'R-7', number: 7 } } });
    expect(processBlock.run(ctx)).toMatchObject({ wait: { kind: 'result' } });
    expect(ctx.effects).toEqual([
      {
        type: 'startProcess',
        requestId: '1:p',
        process: 'refund',
        variables: {},
        record: { entity: 'request', id: 'R-7' },
      },
    ]);
    const missing = blockContext(b, { variables: {} });
    expect(processBlock.run(missing)).toEqual({ go: 'error' });
    expect(missing.effects).toEqual([]);
    expect(missing.variables.instance).toBe('no request record to start on');
  });
});
