import type { BotBody } from '@opora/runtime/definitions';

/** A small bot for the designer's tests: a greeting, a menu of two buttons, a question, a hand-over and an end. */
export function sampleBot(): BotBody {
  return {
    schemaVersion: 2,
    title: { ru: 'Поддержка' },
    triggers: [{ id: 'start', type: 'newDialog', next: 'greet' }],
    blocks: [
      {
        id: 'greet',
        type: 'message',
        typeVersion: 1,
        text: { ru: 'Здравствуйте!' },
        exits: { next: 'menu' },
      },
      {
        id: 'menu',
        type: 'buttons',
        typeVersion: 1,
        text: { ru: 'Что случилось?' },
        options: [
          { id: 'pay', label: { ru: 'Оплата' } },
          { id: 'other', label: { ru: 'Другое' } },
        ],
        retries: 1,
        exits: { 'option:pay': 'ask', 'option:other': 'operator', fallback: 'operator' },
      },
      {
        id: 'ask',
        type: 'ask',
        typeVersion: 1,
        text: { ru: 'Номер заказа?' },
        input: 'number',
        variable: 'order',
        retries: 0,
        exits: { next: 'bye', fallback: 'operator' },
      },
      { id: 'operator', type: 'hand-over', typeVersion: 1, line: 'support', summary: [], exits: {} },
      { id: 'bye', type: 'end', typeVersion: 1, text: { ru: 'Спасибо!' }, exits: {} },
    ],
  };
}
