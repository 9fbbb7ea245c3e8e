import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { messageBlock } from './run.js';
import type { MessageBlock } from './schema.js';

describe('message block', () => {
  it('sends its text with variables filled in and files attached, then takes next', () => {
    const file = { fileId: 'f1', name: 'схема.png', contentType: 'image/png', size: 10 };
    const b = block(
      'hi',
      'message',
      { text: { ru: 'Привет, {{client.name}}!', en: 'Hi, {{client.name}}!' }, attachments: [file] },
      { next: 'x' },
    ) as MessageBlock;
    const ctx = blockContext(b, { variables: { client: { name: 'Анна' } } });
    expect(messageBlock.run(ctx)).toEqual({ go: 'next' });
    expect(ctx.effects).toEqual([{ type: 'send', text: 'Привет, Анна!', attachments: [file] }]);
  });

  it('speaks the session language', () => {
    const b = block('hi', 'message', { text: { ru: 'Привет', en: 'Hi' } }, { next: 'x' }) as MessageBlock;
    const ctx = blockContext(b, { locale: 'en' });
    messageBlock.run(ctx);
    expect(ctx.effects).toEqual([{ type: 'send', text: 'Hi' }]);
  });
});
