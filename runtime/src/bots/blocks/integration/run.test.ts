import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { integrationBlock } from './run.js';
import type { IntegrationBlock } from './schema.js';

const b = block(
  'i',
  'integration',
  { integration: 'crm', operation: 'findClient', input: { phone: '{{phone}}' }, output: 'crmClient' },
  { next: 'n', error: 'e' },
) as IntegrationBlock;

describe('integration block', () => {
  it('calls the operation with its input and waits; the answer goes to output', () => {
    const ctx = blockContext(b, { variables: { phone: '+7900' } });
    expect(integrationBlock.run(ctx)).toEqual({ wait: { kind: 'result', attempt: 0, requestId: '1:i' } });
    expect(ctx.effects).toEqual([
      {
        type: 'callIntegration',
        requestId: '1:i',
        integration: 'crm',
        operation: 'findClient',
        input: { phone: '+7900' },
      },
    ]);
    const resumed = blockContext(b, { waiting: { kind: 'result', attempt: 0, requestId: '1:i' } });
    expect(
      integrationBlock.resume?.(resumed, { type: 'result', requestId: '1:i', ok: false, error: '502' }),
    ).toEqual({ go: 'error' });
  });
});
