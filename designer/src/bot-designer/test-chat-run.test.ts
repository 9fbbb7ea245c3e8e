import type { BotBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { sampleBot } from '../../test-fixtures/sample-bot';
import { type ChatTexts, TestChatRun } from './test-chat-run';

const texts: ChatTexts = {
  notRun: (what) => `not run: ${what}`,
  handedOver: (line) => `handed to ${line}`,
  jumped: (bot) => `jumped to ${bot}`,
  ended: () => 'ended',
  failed: (block, message) => `failed at ${block}: ${message}`,
  refused: (why) => `refused: ${why}`,
};
const clock = { now: () => Date.UTC(2026, 0, 5, 10) };
const said = (run: TestChatRun) =>
  run.get().entries.map((e) => (e.kind === 'bot' ? `bot: ${e.text}` : `${e.kind}: ${e.text}`));

describe('test chat', () => {
  it('runs the draft: greeting and buttons, a press, a question and its answer, the end', () => {
    const run = new TestChatRun(sampleBot(), 'ru', texts, {}, clock);
    run.open();
    expect(run.get().entries.at(-1)).toMatchObject({
      kind: 'bot',
      buttons: [{ label: 'Оплата', value: 'pay' }, { value: 'other' }],
    });
    expect(run.get().session.block).toBe('menu');
    run.say('Оплата', 'pay');
    run.say('42');
    expect(said(run)).toEqual([
      'bot: Здравствуйте!',
      'bot: Что случилось?',
      'client: Оплата',
      'bot: Номер заказа?',
      'client: 42',
      'bot: Спасибо!',
      'note: ended',
    ]);
  });

  it('shows a hand-over with its line and lets the operator hand back', () => {
    const run = new TestChatRun(sampleBot(), 'ru', texts, {}, clock);
    run.open();
    run.say('Другое', 'other');
    expect(said(run).at(-1)).toBe('note: handed to support');
    expect(run.get().session.status).toBe('handedOver');
    run.say('Алло?');
    expect(said(run).at(-1)).toBe('note: refused: the dialog is with an operator');
  });

  it('stubs what needs the server with a failure, so the error path shows', () => {
    const body: BotBody = {
      schemaVersion: 2,
      title: { ru: 'Сценарий' },
      triggers: [{ id: 's', type: 'newDialog', next: 'run' }],
      blocks: [
        {
          id: 'run',
          type: 'script',
          typeVersion: 1,
          script: 'calc',
          input: {},
          exits: { next: 'ok', error: 'oops' },
        },
        { id: 'ok', type: 'end', typeVersion: 1, text: { ru: 'Готово' }, exits: {} },
        { id: 'oops', type: 'end', typeVersion: 1, text: { ru: 'Не вышло' }, exits: {} },
      ],
    };
    const run = new TestChatRun(body, 'ru', texts, {}, clock);
    run.open();
    expect(said(run)).toEqual(['note: not run: script calc', 'bot: Не вышло', 'note: ended']);
  });

  it('answers a knowledge-base search from the service, and fires a wait at once on «skip»', async () => {
    const body: BotBody = {
      schemaVersion: 2,
      title: { ru: 'База знаний' },
      triggers: [{ id: 's', type: 'newDialog', next: 'pause' }],
      blocks: [
        {
          id: 'pause',
          type: 'wait',
          typeVersion: 1,
          seconds: 3600,
          interruptible: false,
          exits: { next: 'kb' },
        },
        {
          id: 'kb',
          type: 'kb-search',
          typeVersion: 1,
          query: 'оплата',
          limit: 2,
          rounds: 1,
          exits: { helped: 'bye', notHelped: 'bye' },
        },
        { id: 'bye', type: 'end', typeVersion: 1, exits: {} },
      ],
    };
    let asked = '';
    const run = new TestChatRun(
      body,
      'ru',
      texts,
      {
        searchKnowledgeBase: async (query) => {
          asked = query;
          return [{ id: 'a1', title: 'Как оплатить' }];
        },
      },
      clock,
    );
    run.open();
    expect(run.get().timers).toHaveLength(1);
    run.skipWait();
    expect(run.get().timers).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toBe('оплата');
    const last = run.get().entries.at(-1);
    expect(last).toMatchObject({ kind: 'bot', buttons: [{ value: 'helped' }, { value: 'notHelped' }] });
    expect(last?.kind === 'bot' && last.text).toContain('Как оплатить');
  });
});
