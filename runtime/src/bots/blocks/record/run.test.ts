import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { recordBlock } from './run.js';
import type { RecordBlock } from './schema.js';

describe('record block', () => {
  it('creates a request from what the bot collected', () => {
    const b = block(
      'r',
      'record',
      {
        mode: 'create',
        entity: 'ticket',
        values: { subject: 'Звонок: {{question}}', phone: '{{phone}}' },
        output: 'ticket',
      },
      { next: 'n', error: 'e' },
    );
    const ctx = blockContext(b as RecordBlock, { variables: { question: 'Нет входа', phone: '+7900' } });
    expect(recordBlock.run(ctx)).toMatchObject({ wait: { kind: 'result' } });
    expect(ctx.effects).toEqual([
      {
        type: 'createRecord',
        requestId: '1:r',
        entity: 'ticket',
        values: { subject: 'Звонок: Нет входа', phone: '+7900' },
      },
    ]);
  });

  it('updates the record its id template names', () => {
    const b = block(
      'r',
      'record',
      { mode: 'update', entity: 'ticket', recordId: '{{ticket.id}}', values: { status: 'closed' } },
      { next: 'n', error: 'e' },
    );
    const ctx = blockContext(b as RecordBlock, { variables: { ticket: { id: 'T-7' } } });
    recordBlock.run(ctx);
    expect(ctx.effects[0]).toEqual({
      type: 'updateRecord',
      requestId: '1:r',
      entity: 'ticket',
      recordId: 'T-7',
      values: { status: 'closed' },
    });
  });
});
