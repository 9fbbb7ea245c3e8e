import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { conditionBlock } from './run.js';
import type { ConditionBlock } from './schema.js';

const b = block(
  'c',
  'condition',
  { expression: 'amount > 1000 and contains(topic, "опл")' },
  { true: 't', false: 'e' },
) as ConditionBlock;

describe('condition block', () => {
  it('takes true when the expression is true, false otherwise', () => {
    expect(conditionBlock.run(blockContext(b, { variables: { amount: 5000, topic: 'оплата' } }))).toEqual({
      go: 'true',
    });
    expect(conditionBlock.run(blockContext(b, { variables: { amount: 5, topic: 'оплата' } }))).toEqual({
      go: 'false',
    });
  });

  it('takes false for unset variables instead of failing', () => {
    expect(conditionBlock.run(blockContext(b))).toEqual({ go: 'false' });
  });
});
