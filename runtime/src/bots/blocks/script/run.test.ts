import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { scriptBlock } from './run.js';
import type { ScriptBlock } from './schema.js';

const b = block(
  's',
  'script',
  { script: 'check-contract', input: { contract: '{{contract}}' }, output: 'check' },
  { next: 'n', error: 'e' },
) as ScriptBlock;

describe('script block', () => {
  it('asks the sandbox to run the script with its input and waits for the result', () => {
    const ctx = blockContext(b, { variables: { contract: 'Д-1' } });
    expect(scriptBlock.run(ctx)).toEqual({ wait: { kind: 'result', attempt: 0, requestId: '1:s' } });
    expect(ctx.effects).toEqual([
      { type: 'runScript', requestId: '1:s', script: 'check-contract', input: { contract: 'Д-1' } },
    ]);
  });

  it('keeps the result and takes next; an error takes the error exit', () => {
    const waiting = { kind: 'result' as const, attempt: 0, requestId: '1:s' };
    const ok = blockContext(b, { waiting });
    expect(
      scriptBlock.resume?.(ok, { type: 'result', requestId: '1:s', ok: true, value: { valid: true } }),
    ).toEqual({ go: 'next' });
    expect(ok.variables.check).toEqual({ valid: true });
    const failed = blockContext(b, { waiting });
    expect(
      scriptBlock.resume?.(failed, { type: 'result', requestId: '1:s', ok: false, error: 'timeout' }),
    ).toEqual({ go: 'error' });
    expect(failed.variables.check).toBe('timeout');
  });

  it('refuses the result of another request', () => {
    const ctx = blockContext(b, { waiting: { kind: 'result', attempt: 0, requestId: '1:s' } });
    expect(
      scriptBlock.resume?.(ctx, { type: 'result', requestId: '9:x', ok: true, value: 1 }),
    ).toHaveProperty('refuse');
  });
});
