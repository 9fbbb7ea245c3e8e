import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineBody, LineRule } from '../definitions/line/schema.js';
import { type DialogFacts, type PublishedLine, routeDialog, routingOrder } from './route.js';
import { textConditionsMatch } from './rule-match.js';

const line = (key: string, patch: Partial<LineBody> = {}): PublishedLine => ({
  key,
  body: {
    schemaVersion: 2,
    title: { ru: key },
    channels: [],
    order: 100,
    rules: [],
    groups: [],
    skills: [],
    priority: 0,
    capacity: 3,
    offerTimeoutSeconds: 60,
    ...patch,
  },
});
const rule = (patch: Omit<LineRule, 'id'>, id = 'r1'): LineRule => ({ id, ...patch });
const dialog = (text: string, patch: Partial<DialogFacts> = {}): DialogFacts => ({
  channelKey: 'site-chat',
  text,
  ...patch,
});

const desk = [
  line('first-line', { isDefault: true, order: 1000 }),
  line('accounting', {
    order: 10,
    rules: [rule({ keywords: ['счёт', 'оплата', 'акт', 'возврат денег', 'бухгалтер'] })],
  }),
  line('delivery', { order: 20, rules: [rule({ keywords: ['доставка', 'курьер', 'возврат', 'заказ'] })] }),
];

describe('routeDialog', () => {
  it.each([
    ['Пришлите, пожалуйста, счёт на оплату', 'accounting'],
    ['Где мои счета за март?', 'accounting'],
    ['Что не так со счетом?', 'accounting'],
    ['Нужен акт сверки', 'accounting'],
    ['Хочу возврат денег за подписку', 'accounting'],
    ['Соедините с бухгалтерией', 'accounting'],
    ['Когда будет доставка?', 'delivery'],
    ['Курьер не приехал', 'delivery'],
    ['Как оформить возврат товара', 'delivery'],
    ['Где мой заказ', 'delivery'],
    ['Не работает вход в личный кабинет', 'first-line'],
    ['', 'first-line'],
  ])('routes «%s» to %s', (text, expected) => {
    expect(routeDialog(desk, dialog(text))).toBe(expected);
  });

  it('tries lines by order, then key, whatever order they come in', () => {
    const lines = [
      line('b', { order: 5, rules: [rule({})] }),
      line('a', { order: 5, rules: [rule({})] }),
      line('c', { order: 1, rules: [rule({ keywords: ['нет'] })] }),
    ];
    expect(routeDialog(lines, dialog('вопрос'))).toBe('a');
    expect(routingOrder(lines).map((l) => l.key)).toEqual(['c', 'a', 'b']);
  });

  it('skips a line that does not take the channel, also as the default', () => {
    const lines = [
      line('telegram-only', { order: 1, channels: ['tg'], rules: [rule({})] }),
      line('fallback', { isDefault: true, channels: ['mail'] }),
    ];
    expect(routeDialog(lines, dialog('привет', { channelKey: 'tg' }))).toBe('telegram-only');
    expect(routeDialog(lines, dialog('привет', { channelKey: 'mail' }))).toBe('fallback');
    expect(routeDialog(lines, dialog('привет', { channelKey: 'site-chat' }))).toBeNull();
  });

  it('answers null when nothing matches and there is no default line', () => {
    expect(
      routeDialog([line('x', { rules: [rule({ keywords: ['оплата'] })] })], dialog('привет')),
    ).toBeNull();
    expect(routeDialog([], dialog('привет'))).toBeNull();
  });

  it('needs every condition of a rule; any rule of a line will do', () => {
    const lines = [
      line('vip-billing', {
        order: 1,
        rules: [
          rule({ keywords: ['счёт'], clientAttribute: { field: 'tier', equals: 'vip' } }),
          rule({ channels: ['mail'], language: 'en' }, 'r2'),
        ],
      }),
      line('general', { isDefault: true }),
    ];
    expect(routeDialog(lines, dialog('счёт', { clientAttributes: { tier: 'vip' } }))).toBe('vip-billing');
    expect(routeDialog(lines, dialog('счёт', { clientAttributes: { tier: 'basic' } }))).toBe('general');
    expect(routeDialog(lines, dialog('привет', { clientAttributes: { tier: 'vip' } }))).toBe('general');
    expect(routeDialog(lines, dialog('hello', { channelKey: 'mail', language: 'en' }))).toBe('vip-billing');
    expect(routeDialog(lines, dialog('hello', { channelKey: 'mail', language: 'ru' }))).toBe('general');
    expect(routeDialog(lines, dialog('hello', { channelKey: 'mail' }))).toBe('general');
  });

  it('matches a pattern on RE2 against the message as written', () => {
    const lines = [
      line('orders', { order: 1, rules: [rule({ pattern: '(?i)заказ\\s*№?\\s*\\d{6}' })] }),
      line('general', { isDefault: true }),
    ];
    expect(routeDialog(lines, dialog('Где ЗАКАЗ № 123456?'))).toBe('orders');
    expect(routeDialog(lines, dialog('Где заказ 12?'))).toBe('general');
  });

  it('treats a pattern RE2 cannot compile as matching nothing (publishing refuses it)', () => {
    const lines = [
      line('bad', { order: 1, rules: [rule({ pattern: '(a)\\1' })] }),
      line('d', { isDefault: true }),
    ];
    expect(routeDialog(lines, dialog('aa'))).toBe('d');
  });

  it('stays fast on a pattern that would make a backtracking engine hang', () => {
    const lines = [line('x', { rules: [rule({ pattern: '^(a+)+$' })] })];
    expect(routeDialog(lines, dialog(`${'a'.repeat(3000)}!`))).toBeNull();
  });

  it('matches a portal form field and a tree path prefix by whole segments', () => {
    const lines = [
      line('by-form', { order: 1, rules: [rule({ formField: { field: 'topic', equals: 'billing' } })] }),
      line('by-tree', { order: 2, rules: [rule({ treePath: 'payments/refund' })] }),
      line('general', { isDefault: true }),
    ];
    expect(routeDialog(lines, dialog('', { formFields: { topic: 'billing' } }))).toBe('by-form');
    expect(routeDialog(lines, dialog('', { formFields: { topic: 'other' } }))).toBe('general');
    expect(routeDialog(lines, dialog('', { treePath: 'payments/refund' }))).toBe('by-tree');
    expect(routeDialog(lines, dialog('', { treePath: '/payments/refund/card/' }))).toBe('by-tree');
    expect(routeDialog(lines, dialog('', { treePath: 'payments/refunds' }))).toBe('general');
    expect(routeDialog(lines, dialog('', { treePath: 'payments' }))).toBe('general');
    expect(routeDialog(lines, dialog(''))).toBe('general');
  });

  it('compares client attributes of any type as text, a list by its items', () => {
    const lines = [line('x', { rules: [rule({ clientAttribute: { field: 'segment', equals: '2' } })] })];
    expect(routeDialog(lines, dialog('', { clientAttributes: { segment: 2 } }))).toBe('x');
    expect(routeDialog(lines, dialog('', { clientAttributes: { segment: ['1', '2'] } }))).toBe('x');
    expect(routeDialog(lines, dialog('', { clientAttributes: { segment: { id: 2 } } }))).toBeNull();
    expect(routeDialog(lines, dialog('', { clientAttributes: {} }))).toBeNull();
  });

  it('routes to bot-only lines like any other', () => {
    const lines = [line('bot', { botOnly: true, rules: [rule({ keywords: ['бот'] })] })];
    expect(routeDialog(lines, dialog('Позовите бота'))).toBe('bot');
  });

  it('does not depend on the order lines are given in, and picks a line that takes the channel', () => {
    const arbitraryLine = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      order: fc.integer({ min: 0, max: 3 }),
      channels: fc.subarray(['web', 'tg', 'mail']),
      isDefault: fc.boolean(),
      keywords: fc.option(fc.subarray(['оплата', 'доставка', 'акт']), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryLine, { selector: (l) => l.key, maxLength: 5 }),
        fc.constantFrom('web', 'tg', 'mail'),
        fc.constantFrom('оплата заказа', 'где доставка', 'привет', 'акт'),
        (specs, channelKey, text) => {
          const lines = specs.map((s) =>
            line(s.key, {
              order: s.order,
              channels: s.channels,
              isDefault: s.isDefault,
              rules: s.keywords ? [rule({ keywords: s.keywords })] : [],
            }),
          );
          const facts = dialog(text, { channelKey });
          const routed = routeDialog(lines, facts);
          expect(routeDialog([...lines].reverse(), facts)).toBe(routed);
          if (routed !== null) {
            const chosen = lines.find((l) => l.key === routed)!;
            expect(chosen.body.channels.length === 0 || chosen.body.channels.includes(channelKey)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('textConditionsMatch', () => {
  it('checks keywords and pattern only, and says no for a rule without them', () => {
    expect(textConditionsMatch(rule({ keywords: ['счёт'], language: 'en' }), 'Где мои счета?')).toBe(true);
    expect(textConditionsMatch(rule({ keywords: ['счёт'], pattern: '\\d{6}' }), 'счёт 12')).toBe(false);
    expect(textConditionsMatch(rule({ pattern: '\\d{6}' }), 'заказ 123456')).toBe(true);
    expect(textConditionsMatch(rule({ channels: ['tg'] }), 'что угодно')).toBe(false);
  });
});
