import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import type { Value } from '../../../forms/expressions/index.js';
import { kbSearchBlock } from './run.js';
import type { KbSearchBlock } from './schema.js';

const b = block('kb', 'kb-search', { limit: 2, rounds: 2 }, { helped: 'h', notHelped: 'n' }) as KbSearchBlock;
const found: Value = [{ id: 'a1', title: 'Сброс пароля' }, { id: 7, title: 'Вход' }, { nope: true }];
const searching = { kind: 'result' as const, attempt: 0, requestId: '1:kb', data: 'searching' };
const rating = { kind: 'client' as const, attempt: 0, data: 'rating' };

describe('kb-search block', () => {
  it('searches the last message by default', () => {
    const ctx = blockContext(b, { variables: { lastMessage: 'забыл пароль' } });
    expect(kbSearchBlock.run(ctx)).toEqual({ wait: searching });
    expect(ctx.effects).toEqual([
      { type: 'searchKnowledgeBase', requestId: '1:kb', query: 'забыл пароль', limit: 2 },
    ]);
  });

  it('shows the top articles with «Помогло» / «Не помогло»', () => {
    const ctx = blockContext(b, { waiting: searching });
    expect(
      kbSearchBlock.resume?.(ctx, { type: 'result', requestId: '1:kb', ok: true, value: found }),
    ).toEqual({ wait: rating });
    expect(ctx.effects[0]).toEqual({
      type: 'send',
      text: 'Вот что нашлось в базе знаний:\n1. Сброс пароля\n2. Вход',
      buttons: [
        { label: 'Помогло', value: 'helped' },
        { label: 'Не помогло', value: 'notHelped' },
      ],
    });
  });

  it('takes helped; not helped asks again until the rounds are spent', () => {
    expect(
      kbSearchBlock.resume?.(blockContext(b, { waiting: rating }), { type: 'message', text: 'Помогло' }),
    ).toEqual({ go: 'helped' });
    const again = blockContext(b, { waiting: rating });
    expect(kbSearchBlock.resume?.(again, { type: 'message', text: '', buttonId: 'notHelped' })).toEqual({
      wait: { kind: 'client', attempt: 1, data: 'rephrasing' },
    });
    const last = blockContext(b, { waiting: { ...rating, attempt: 1 } });
    expect(kbSearchBlock.resume?.(last, { type: 'message', text: '', buttonId: 'notHelped' })).toEqual({
      go: 'notHelped',
    });
  });

  it('searches again with a question typed instead of a verdict', () => {
    const ctx = blockContext(b, { waiting: rating });
    expect(kbSearchBlock.resume?.(ctx, { type: 'message', text: 'смс не приходит' })).toMatchObject({
      wait: { kind: 'result', attempt: 1 },
    });
    expect(ctx.effects[0]).toMatchObject({ type: 'searchKnowledgeBase', query: 'смс не приходит' });
  });

  it('nothing found counts as not helped; a failed search takes notHelped without an error exit', () => {
    const empty = blockContext(b, { waiting: { ...searching, attempt: 1 } });
    expect(kbSearchBlock.resume?.(empty, { type: 'result', requestId: '1:kb', ok: true, value: [] })).toEqual(
      { go: 'notHelped' },
    );
    const failed = blockContext(b, { waiting: searching });
    expect(
      kbSearchBlock.resume?.(failed, { type: 'result', requestId: '1:kb', ok: false, error: 'down' }),
    ).toEqual({ go: 'notHelped' });
  });
});
