import type { BotBody } from '@opora/runtime/definitions';

type Body = Omit<BotBody, 'schemaVersion'>;
const block = (id: string, type: string, config: Record<string, unknown>, exits: Record<string, string>) =>
  ({ id, type, typeVersion: 1, ...config, exits }) as unknown as BotBody['blocks'][number];
const say = (id: string, ru: string, next?: string) =>
  block(id, 'message', { text: { ru } }, next ? { next } : {});
const end = block('end', 'end', {}, {});
const start = (next: string) => [{ id: 'start', type: 'newDialog' as const, next }];

/**
 * A support bot: greets, takes the question, asks with buttons whether it is about payment, asks a phone number
 * (one retry), then hands over to `line` with a summary; handed back, it says it is here again.
 */
export const helperBot = (line: string, greeting = 'Здравствуйте! Я бот поддержки.'): Body => ({
  title: { ru: 'Помощник' },
  triggers: start('hello'),
  variables: [{ name: 'phone', initial: '—' }],
  blocks: [
    say('hello', greeting, 'question'),
    block(
      'question',
      'ask',
      { text: { ru: 'Опишите ваш вопрос.' }, input: 'text', variable: 'question', retries: 0 },
      { next: 'topic', fallback: 'people' },
    ),
    block(
      'topic',
      'buttons',
      {
        text: { ru: 'Это про оплату?' },
        retries: 0,
        options: [
          { id: 'pay', label: { ru: 'Оплата' } },
          { id: 'other', label: { ru: 'Другое' } },
        ],
      },
      { 'option:pay': 'phone', 'option:other': 'people', fallback: 'people' },
    ),
    block(
      'phone',
      'ask',
      {
        text: { ru: 'Ваш телефон?' },
        input: 'phone',
        variable: 'phone',
        retries: 1,
        retryText: { ru: 'Это не похоже на номер телефона.' },
      },
      { next: 'thanks', fallback: 'people' },
    ),
    say('thanks', 'Спасибо! Записал {{phone}}.', 'people'),
    block(
      'people',
      'hand-over',
      {
        line,
        text: { ru: 'Соединяю с оператором.' },
        summary: [
          { label: { ru: 'Вопрос' }, variable: 'question' },
          { label: { ru: 'Телефон' }, variable: 'phone' },
        ],
      },
      { next: 'back' },
    ),
    say('back', 'Бот снова с вами.', 'end'),
    end,
  ],
});

/** Says it checks, waits `seconds` (a client's message interrupts), then says what happened. */
export const waitingBot = (seconds: number, interruptible = true): Body => ({
  title: { ru: 'Ожидание' },
  triggers: start('checking'),
  blocks: [
    say('checking', 'Проверяю, подождите.', 'pause'),
    block('pause', 'wait', { seconds, interruptible }, { next: 'ready', interrupted: 'early' }),
    say('ready', 'Проверка закончена.', 'end'),
    say('early', 'Вы написали «{{lastMessage}}» — проверка ещё идёт.', 'end'),
    end,
  ],
});

/**
 * Asks an order number, says it checks it, waits `seconds` (a client's message does not interrupt), then says it
 * is checked and asks for anything else, and notes the answer: every client message and the wait each have one
 * reply naming what it answers.
 */
export const orderBot = (seconds: number): Body => ({
  title: { ru: 'Заказы' },
  triggers: start('order'),
  blocks: [
    block(
      'order',
      'ask',
      { text: { ru: 'Номер заказа?' }, input: 'text', variable: 'order', retries: 0 },
      { next: 'checking', fallback: 'checking' },
    ),
    say('checking', 'Проверяю: {{order}}.', 'pause'),
    block('pause', 'wait', { seconds, interruptible: false }, { next: 'more' }),
    block(
      'more',
      'ask',
      { text: { ru: 'Готово: {{order}}. Что-нибудь ещё?' }, input: 'text', variable: 'more', retries: 0 },
      { next: 'noted', fallback: 'noted' },
    ),
    say('noted', 'Записал: {{more}}.', 'end'),
    end,
  ],
});

/** Runs script `script` on the first message: its answer on success, an apology on the error exit. */
export const scriptBot = (script: string): Body => ({
  title: { ru: 'Скрипт' },
  triggers: start('run'),
  blocks: [
    block(
      'run',
      'script',
      { script, input: { text: '{{lastMessage}}' }, output: 'answer' },
      { next: 'ok', error: 'sorry' },
    ),
    say('ok', 'Ответ: {{answer}}', 'end'),
    say('sorry', 'Не получилось, простите.', 'end'),
    end,
  ],
});

/** Says hello and ends. */
export const greeterBot = (): Body => ({
  title: { ru: 'Привет' },
  triggers: start('hi'),
  blocks: [say('hi', 'Привет! Я всё сказал.', 'end'), end],
});

/** Asks a name, then hands the dialog to bot `next` with it. */
export const relayBot = (next: string): Body => ({
  title: { ru: 'Эстафета' },
  triggers: start('name'),
  blocks: [
    block(
      'name',
      'ask',
      { text: { ru: 'Как вас зовут?' }, input: 'text', variable: 'name', retries: 0 },
      { next: 'pass', fallback: 'pass' },
    ),
    block('pass', 'go-to-bot', { bot: next, variables: ['name'] }, {}),
  ],
});

/** Started by another bot: greets by the name it was handed. */
export const receiverBot = (): Body => ({
  title: { ru: 'Приёмник' },
  triggers: [{ id: 'from', type: 'jump' as const, next: 'hello', variables: ['name'] }],
  variables: [{ name: 'name', initial: '' }],
  blocks: [say('hello', 'Здравствуйте, {{name}}! Продолжаю я.', 'end'), end],
});

/** Searches the knowledge base for the client's question and offers what it finds; no help → people. */
export const searchBot = (line: string): Body => ({
  title: { ru: 'База знаний' },
  triggers: start('question'),
  blocks: [
    block(
      'question',
      'ask',
      { text: { ru: 'Что случилось?' }, input: 'text', variable: 'question', retries: 0 },
      { next: 'kb', fallback: 'kb' },
    ),
    block(
      'kb',
      'kb-search',
      { query: '{{question}}', limit: 3, rounds: 1, text: { ru: 'Вот что нашлось:' } },
      { helped: 'glad', notHelped: 'people', error: 'people' },
    ),
    say('glad', 'Рад помочь!', 'end'),
    block('people', 'hand-over', { line, summary: [{ label: { ru: 'Вопрос' }, variable: 'question' }] }, {}),
    end,
  ],
});

/** Answers a message close to «не работает интернет дома» (the knowledge base's synonyms count) and ends. */
export const phraseBot = (): Body => ({
  title: { ru: 'Про интернет' },
  triggers: [
    {
      id: 'net',
      type: 'phrase' as const,
      examples: ['не работает интернет дома'],
      threshold: 0.9,
      next: 'net',
    },
  ],
  blocks: [say('net', 'Про интернет', 'end'), end],
});

/** Starts process `process` with a variable and says the instance's id. */
export const processBot = (process: string): Body => ({
  title: { ru: 'Процесс' },
  triggers: start('run'),
  blocks: [
    block(
      'run',
      'process',
      { process, variables: { source: 'чат' }, output: 'instance' },
      { next: 'ok', error: 'sorry' },
    ),
    say('ok', 'Запущен: {{instance}}', 'end'),
    say('sorry', 'Не запустился.', 'end'),
    end,
  ],
});
