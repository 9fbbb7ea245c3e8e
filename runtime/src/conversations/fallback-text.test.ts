import { describe, expect, it } from 'vitest';
import { buttonAnsweredByText, offeredButtons, textWithNumberedButtons } from './fallback-text.js';
import type { MessageDraft } from './message.js';

const question: MessageDraft = {
  text: 'Что случилось?',
  parts: [
    {
      type: 'buttons',
      buttons: [
        { label: 'Не могу войти', value: 'login' },
        { label: 'Не пришёл заказ', value: 'order' },
      ],
    },
  ],
  attachments: [],
};

describe('buttons on a channel without buttons', () => {
  it('become a numbered list after the text', () => {
    expect(textWithNumberedButtons(question)).toBe('Что случилось?\n\n1. Не могу войти\n2. Не пришёл заказ');
  });

  it('are answered by number or by the words', () => {
    const offered = offeredButtons(question);
    expect(buttonAnsweredByText(offered, ' 2. ')?.value).toBe('order');
    expect(buttonAnsweredByText(offered, 'не могу ВОЙТИ')?.value).toBe('login');
    expect(buttonAnsweredByText(offered, '3')).toBeUndefined();
    expect(buttonAnsweredByText(offered, 'у меня другой вопрос')).toBeUndefined();
  });

  it('leave a message without buttons as it is', () => {
    expect(textWithNumberedButtons({ text: 'Здравствуйте!', parts: [], attachments: [] })).toBe(
      'Здравствуйте!',
    );
  });
});
