import { describe, expect, it } from 'vitest';
import { block, blockContext } from '../../../../test-fixtures/bot-kit.js';
import { buttonsBlock } from './run.js';
import type { ButtonsBlock } from './schema.js';

const b = block(
  'menu',
  'buttons',
  {
    text: { ru: 'Что случилось?' },
    options: [
      { id: 'pay', label: { ru: 'Оплата', en: 'Payment' } },
      { id: 'login', label: { ru: 'Вход' } },
    ],
    variable: 'topic',
    retries: 1,
    retryText: { ru: 'Выберите кнопку' },
  },
  { 'option:pay': 'a', 'option:login': 'b', fallback: 'c' },
) as ButtonsBlock;

describe('buttons block', () => {
  it('offers its options as buttons and waits', () => {
    const ctx = blockContext(b);
    expect(buttonsBlock.run(ctx)).toEqual({ wait: { kind: 'client', attempt: 0 } });
    expect(ctx.effects[0]).toEqual({
      type: 'send',
      text: 'Что случилось?',
      buttons: [
        { label: 'Оплата', value: 'pay' },
        { label: 'Вход', value: 'login' },
      ],
    });
  });

  it('takes the exit of the button pressed, the label typed or its number, and keeps the choice', () => {
    for (const event of [
      { type: 'message' as const, text: 'Вход', buttonId: 'login' },
      { type: 'message' as const, text: 'вход' },
      { type: 'message' as const, text: '2' },
      { type: 'message' as const, text: '2. Вход' },
    ]) {
      const ctx = blockContext(b, { waiting: { kind: 'client', attempt: 0 } });
      expect(buttonsBlock.resume?.(ctx, event)).toEqual({ go: 'option:login' });
      expect(ctx.variables.topic).toBe('login');
    }
  });

  it('answers something unexpected with the retry text, then the fallback exit', () => {
    const first = blockContext(b, { waiting: { kind: 'client', attempt: 0 } });
    expect(buttonsBlock.resume?.(first, { type: 'message', text: 'не знаю' })).toEqual({
      wait: { kind: 'client', attempt: 1 },
    });
    expect(first.effects[0]).toMatchObject({ type: 'send', text: 'Выберите кнопку' });
    const second = blockContext(b, { waiting: { kind: 'client', attempt: 1 } });
    expect(buttonsBlock.resume?.(second, { type: 'message', text: '7' })).toEqual({ go: 'fallback' });
    // A list line whose number and label disagree is no choice.
    const third = blockContext(b, { waiting: { kind: 'client', attempt: 1 } });
    expect(buttonsBlock.resume?.(third, { type: 'message', text: '1. Вход' })).toEqual({ go: 'fallback' });
  });
});
