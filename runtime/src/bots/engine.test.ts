import { describe, expect, it } from 'vitest';
import { block, botBody, converse, end, message, say } from '../../test-fixtures/bot-kit.js';
import { fixedClock } from '../engine.js';
import { botEngine, startBot, stepBot } from './engine.js';
import { prepareBot } from './prepared-bot.js';
import { maxBlocksPerStep, maxValueChars, maxVariables } from './session.js';

const ask = (id: string, variable: string, exits: Record<string, string>) =>
  block(id, 'ask', { text: { ru: `${variable}?` }, input: 'text', variable, retries: 0 }, exits);

describe('bot engine', () => {
  it('runs from the new-dialog trigger and stops at the first block that waits', () => {
    const body = botBody([
      say('hi', 'Привет', 'q'),
      ask('q', 'name', { next: 'bye', fallback: 'bye' }),
      say('bye', 'Пока, {{name}}', 'end'),
      end(),
    ]);
    const [opened, answered] = converse(body, [{ type: 'dialogOpened' }, message('Анна')]);
    expect(opened?.effects).toEqual([
      { type: 'send', text: 'Привет' },
      { type: 'send', text: 'name?' },
    ]);
    expect(opened?.state).toMatchObject({
      status: 'waiting',
      block: 'q',
      waiting: { kind: 'client', blockId: 'q' },
      turn: 1,
    });
    expect(answered?.effects).toEqual([
      { type: 'send', text: 'Пока, Анна' },
      { type: 'ended', reason: 'end', blockId: 'end' },
    ]);
    expect(answered?.state.status).toBe('ended');
  });

  it('names the blocks each step ran, the resumed one first, for per-block statistics', () => {
    const body = botBody([
      say('hi', 'Привет', 'q'),
      ask('q', 'name', { next: 'bye', fallback: 'bye' }),
      say('bye', 'Пока', 'end'),
      end(),
    ]);
    const [opened, answered, refused] = converse(body, [
      { type: 'dialogOpened' },
      message('Анна'),
      { type: 'timer', blockId: 'q', attempt: 0 },
    ]);
    expect(opened?.ran).toEqual(['hi', 'q']);
    expect(answered?.ran).toEqual(['q', 'bye', 'end']);
    expect(refused?.refused).toBeTruthy();
    expect(refused?.ran).toBeUndefined();
  });

  it('stops a loop that never waits after the block limit, naming the block, without throwing', () => {
    const body = botBody(
      [
        block('count', 'set-variable', { variable: 'n', value: { expression: 'n + 1' } }, { next: 'again' }),
        block('again', 'condition', { expression: 'true' }, { true: 'count', false: 'end' }),
        end(),
      ],
      undefined,
      { variables: [{ name: 'n', initial: '0' }] },
    );
    const [result] = converse(body, [{ type: 'dialogOpened' }]);
    const ended = result?.effects.at(-1);
    expect(ended).toMatchObject({ type: 'ended', reason: 'error' });
    expect(ended).toHaveProperty('blockId');
    expect(String((ended as { message: string }).message)).toContain(`more than ${maxBlocksPerStep} blocks`);
    expect(result?.state.status).toBe('ended');
    expect(result?.state.error?.blockId).toMatch(/count|again/);
  });

  it('never changes the session it was given', () => {
    const body = botBody([ask('q', 'x', { next: 'end', fallback: 'end' }), end()]);
    const bot = prepareBot(body, { key: 'b', version: 3 });
    const session = Object.freeze(botEngine.start(bot, fixedClock(0)));
    const first = stepBot(bot, session, { type: 'dialogOpened' }, fixedClock(0));
    expect(session.status).toBe('idle');
    expect(first.state).toMatchObject({ botKey: 'b', botVersion: 3 });
    const frozen = Object.freeze({ ...first.state, variables: Object.freeze({ ...first.state.variables }) });
    expect(() => stepBot(bot, frozen, message('да'), fixedClock(1))).not.toThrow();
  });

  it('refuses an event nothing answers, leaving the session as it was', () => {
    const body = botBody([ask('q', 'x', { next: 'end', fallback: 'end' }), end()]);
    const bot = prepareBot(body, { key: 'b', version: 1 });
    const session = startBot(bot);
    const refused = stepBot(bot, session, message('привет'), fixedClock(0));
    expect(refused).toEqual({
      state: session,
      effects: [],
      refused: 'no trigger of the bot answers this message',
    });
    const waiting = stepBot(bot, session, { type: 'dialogOpened' }, fixedClock(0)).state;
    expect(
      stepBot(bot, waiting, { type: 'result', requestId: '1:q', ok: true, value: 1 }, fixedClock(0)).refused,
    ).toBeTruthy();
    expect(
      stepBot(bot, waiting, { type: 'timer', blockId: 'q', attempt: 0 }, fixedClock(0)).refused,
    ).toBeTruthy();
  });

  it('derives request ids from the turn and the block', () => {
    const body = botBody([
      ask('q', 'x', { next: 's', fallback: 's' }),
      block('s', 'script', { script: 'check', input: {} }, { next: 'end', error: 'oops' }),
      say('oops', 'Ошибка'),
      end(),
    ]);
    body.blocks[2] = say('oops', 'Ошибка', 'end');
    const [, asked, failed] = converse(body, [
      { type: 'dialogOpened' },
      message('x'),
      { type: 'result', requestId: '2:s', ok: false, error: 'boom' },
    ]);
    expect(asked?.effects).toEqual([{ type: 'runScript', requestId: '2:s', script: 'check', input: {} }]);
    expect(failed?.effects).toEqual([
      { type: 'send', text: 'Ошибка' },
      { type: 'ended', reason: 'end', blockId: 'end' },
    ]);
  });

  it('matches keywords by stems and patterns on RE2', () => {
    const body = botBody(
      [say('pw', 'Про пароль', 'end'), say('num', 'Про договор', 'end'), end()],
      [
        { id: 'k1', type: 'keyword', keywords: ['пароль'], next: 'pw' },
        { id: 'k2', type: 'keyword', pattern: 'Д-\\d{4}', next: 'num' },
      ],
    );
    expect(converse(body, [message('Не помню пароля')])[0]?.effects[0]).toEqual({
      type: 'send',
      text: 'Про пароль',
    });
    expect(converse(body, [message('договор Д-2026')])[0]?.effects[0]).toEqual({
      type: 'send',
      text: 'Про договор',
    });
    expect(converse(body, [message('добрый день')])[0]?.refused).toBeTruthy();
  });

  it('matches a phrase close to an example, counting synonyms as the same word', () => {
    const body = botBody(
      [say('net', 'Про интернет', 'end'), end()],
      [{ id: 'p', type: 'phrase', examples: ['не работает интернет дома'], threshold: 0.9, next: 'net' }],
    );
    expect(converse(body, [message('дома не работает инет')])[0]?.refused).toBeTruthy();
    const withSynonyms = converse(body, [message('дома не работает инет')], {
      synonyms: [['интернет', 'инет']],
    });
    expect(withSynonyms[0]?.effects[0]).toEqual({ type: 'send', text: 'Про интернет' });
    expect(converse(body, [message('как оплатить счёт')])[0]?.refused).toBeTruthy();
  });

  it('lets an anytime trigger interrupt a question, and only an anytime one', () => {
    const body = botBody(
      [
        ask('q', 'x', { next: 'end', fallback: 'end' }),
        say('op', 'Зову оператора', 'end'),
        say('menu', 'Меню', 'end'),
        end(),
      ],
      [
        { id: 'start', type: 'newDialog', next: 'q' },
        { id: 'operator', type: 'keyword', keywords: ['оператор'], anytime: true, next: 'op' },
        { id: 'menu', type: 'keyword', keywords: ['меню'], next: 'menu' },
      ],
    );
    const [, interrupted] = converse(body, [{ type: 'dialogOpened' }, message('дайте оператора')]);
    expect(interrupted?.effects[0]).toEqual({ type: 'send', text: 'Зову оператора' });
    const [, answered] = converse(body, [{ type: 'dialogOpened' }, message('меню')]);
    expect(answered?.state.variables.x).toBe('меню');
  });

  it('starts button, event, schedule and jump triggers, keeping what they bring', () => {
    const body = botBody(
      [
        say('a', 'Статус {{event.status}}', 'end'),
        say('b', 'Процесс: {{event.message}}', 'end'),
        say('c', 'По расписанию', 'end'),
        say('d', 'Из бота, {{phone}}', 'end'),
        say('e', 'Меню', 'end'),
        end(),
      ],
      [
        { id: 't1', type: 'event', source: 'recordStatus', entity: 'ticket', status: 'done', next: 'a' },
        { id: 't2', type: 'event', source: 'processMessage', next: 'b' },
        { id: 't3', type: 'schedule', time: '09:00', next: 'c' },
        { id: 't4', type: 'jump', variables: ['phone'], next: 'd' },
        { id: 't5', type: 'button', buttonId: 'menu', next: 'e' },
      ],
    );
    const first = (event: Parameters<typeof stepBot>[2]) => converse(body, [event])[0]?.effects[0];
    expect(first({ type: 'recordStatus', entity: 'ticket', recordId: 'T1', status: 'done' })).toEqual({
      type: 'send',
      text: 'Статус done',
    });
    expect(
      converse(body, [{ type: 'recordStatus', entity: 'ticket', recordId: 'T1', status: 'new' }])[0]?.refused,
    ).toBeTruthy();
    expect(first({ type: 'processMessage', message: 'approved' })).toEqual({
      type: 'send',
      text: 'Процесс: approved',
    });
    expect(first({ type: 'schedule', triggerId: 't3' })).toEqual({ type: 'send', text: 'По расписанию' });
    expect(first({ type: 'jump', fromBot: 'x', variables: { phone: '+7900' } })).toEqual({
      type: 'send',
      text: 'Из бота, +7900',
    });
    expect(first(message('Меню', 'menu'))).toEqual({ type: 'send', text: 'Меню' });
  });

  it('schedules no-reply timers while it waits for the client, and starts their chain when one fires in time', () => {
    const body = botBody(
      [ask('q', 'x', { next: 'end', fallback: 'end' }), say('nudge', 'Вы здесь?', 'q'), end()],
      [
        { id: 'start', type: 'newDialog', next: 'q' },
        { id: 'silence', type: 'noReply', seconds: 300, next: 'nudge' },
      ],
    );
    const bot = prepareBot(body, { key: 'b', version: 1 });
    const opened = stepBot(bot, startBot(bot), { type: 'dialogOpened' }, fixedClock(1000));
    expect(opened.effects.at(-1)).toEqual({
      type: 'scheduleTimer',
      key: 'noReply:silence',
      at: 301_000,
      event: { type: 'noReply', triggerId: 'silence', turn: 1 },
    });
    const nudged = stepBot(
      bot,
      opened.state,
      { type: 'noReply', triggerId: 'silence', turn: 1 },
      fixedClock(301_000),
    );
    expect(nudged.effects.slice(0, 2)).toEqual([
      { type: 'send', text: 'Вы здесь?' },
      { type: 'send', text: 'x?' },
    ]);
    expect(
      stepBot(bot, nudged.state, { type: 'noReply', triggerId: 'silence', turn: 1 }, fixedClock(0)).refused,
    ).toBeTruthy();
    const answered = stepBot(bot, nudged.state, message('да'), fixedClock(0));
    expect(answered.effects).toContainEqual({ type: 'cancelTimer', key: 'noReply:silence' });
  });

  it('keeps the dialog with the operator until they hand it back', () => {
    const body = botBody([
      block('op', 'hand-over', { line: 'support', summary: [] }, { next: 'back' }),
      say('back', 'Снова я', 'end'),
      end(),
    ]);
    const [handed, ignored, back] = converse(body, [
      { type: 'dialogOpened' },
      message('алло'),
      { type: 'operatorReturned', blockId: 'op' },
    ]);
    expect(handed?.state.status).toBe('handedOver');
    expect(ignored?.refused).toBe('the dialog is with an operator');
    expect(back?.effects[0]).toEqual({ type: 'send', text: 'Снова я' });
  });

  it('ends with a jump to another bot', () => {
    const body = botBody([block('go', 'go-to-bot', { bot: 'billing' })]);
    const [jumped] = converse(body, [{ type: 'dialogOpened' }], { variables: { client: { name: 'А' } } });
    expect(jumped?.effects).toEqual([
      { type: 'jumpToBot', bot: 'billing', variables: { client: { name: 'А' } } },
      { type: 'ended', reason: 'jump', blockId: 'go' },
    ]);
  });

  it('cancels the timer of a wait a trigger interrupts', () => {
    const body = botBody(
      [
        block('w', 'wait', { seconds: 60, interruptible: false }, { next: 'end' }),
        say('op', 'Оператор', 'end'),
        end(),
      ],
      [
        { id: 'start', type: 'newDialog', next: 'w' },
        { id: 'op', type: 'keyword', keywords: ['оператор'], anytime: true, next: 'op' },
      ],
    );
    const [, refused, interrupted] = converse(body, [
      { type: 'dialogOpened' },
      message('ну'),
      message('оператор'),
    ]);
    expect(refused?.refused).toBeTruthy();
    expect(interrupted?.effects[0]).toEqual({ type: 'cancelTimer', key: 'w:0' });
  });

  it('bounds variables: at most 200, each at most 10 KB', () => {
    const variables = Object.fromEntries(Array.from({ length: maxVariables }, (_, i) => [`v${i}`, i]));
    const body = botBody([
      block('s', 'set-variable', { variable: 'extra', value: { template: 'x' } }, { next: 'big' }),
      block('big', 'set-variable', { variable: 'v1', value: { expression: '"ab" + v0' } }, { next: 'end' }),
      end(),
    ]);
    const [result] = converse(body, [{ type: 'dialogOpened' }], { variables });
    expect(result?.state.variables.extra).toBeUndefined();
    expect(Object.keys(result?.state.variables ?? {}).length).toBe(maxVariables);
    const long = converse(botBody([ask('q', 'x', { next: 'end', fallback: 'end' }), end()]), [
      { type: 'dialogOpened' },
      message('я'.repeat(50_000)),
    ]);
    expect(String(long[1]?.state.variables.x).length).toBeLessThanOrEqual(maxValueChars);
  });
});

describe('bot variables from outside', () => {
  it('never lets a name reach the prototype', () => {
    const body = botBody([say('a', 'x', 'end'), end()], [{ id: 'j', type: 'jump', next: 'a' }]);
    const variables = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}');
    const [result] = converse(body, [{ type: 'jump', variables }]);
    expect(result?.state.variables).toEqual({ ok: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result?.state.variables)).toBe(Object.prototype);
  });
});
