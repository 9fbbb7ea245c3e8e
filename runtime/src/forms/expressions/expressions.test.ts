import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  type EvaluationClock,
  ExpressionError,
  evaluate,
  expressionMessage,
  parseExpression,
} from './index.js';

const clock: EvaluationClock = { now: new Date('2026-11-22T21:30:00Z'), timeZone: 'Europe/Moscow' };
const run = (source: string, scope: Record<string, unknown> = {}) =>
  evaluate(parseExpression(source), scope, clock);

describe('expression language', () => {
  it('computes with numbers, texts, lists and precedence', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('-2 * -3')).toBe(6);
    expect(run('7 % 4')).toBe(3);
    expect(run("'Заявка №' + 42")).toBe('Заявка №42');
    expect(run('0.1 + 0.2 == 0.30000000000000004')).toBe(true);
    expect(run('[1, 2] + [3]')).toEqual([1, 2, 3]);
    expect(run('"a\\"b"')).toBe('a"b');
  });

  it('reads fields, including nested ones, and treats missing ones as empty', () => {
    const scope = { priority: 4, client: { name: 'ООО «Ромашка»' }, comment: '' };
    expect(run('priority >= 4', scope)).toBe(true);
    expect(run('client.name', scope)).toBe('ООО «Ромашка»');
    expect(run('client.inn', scope)).toBe(null);
    expect(run('missing == null', scope)).toBe(true);
    expect(run('empty(comment) and not empty(client)', scope)).toBe(true);
  });

  it('evaluates visibility-style conditions with and/or/not/in', () => {
    const scope = { category: 'billing', channel: 'portal', vip: true };
    expect(run("category in ['billing', 'access'] and channel != 'phone'", scope)).toBe(true);
    expect(run("not vip or category == 'other'", scope)).toBe(false);
    expect(run("!(category == 'billing') || vip && channel == 'portal'", scope)).toBe(true);
    expect(run("'bill' in category", scope)).toBe(true);
  });

  it('never throws on mismatched types: the result is empty instead', () => {
    expect(run("'a' * 2")).toBe(null);
    expect(run('1 / 0')).toBe(null);
    expect(run('-"x"')).toBe(null);
    expect(run("1 < 'a'")).toBe(false);
    expect(run('round(null)')).toBe(null);
    expect(run('x.y.z', { x: 5 })).toBe(null);
    expect(run('len(5)')).toBe(0);
  });

  it('has the functions analysts reach for', () => {
    const rows = { items: [{ qty: 2, price: 150.5 }, { qty: 1, price: 99 }, { qty: 'x' }] };
    expect(run('sum(items, "price")', rows)).toBe(249.5);
    expect(run('count(items)', rows)).toBe(3);
    expect(run('round(2.345, 2)')).toBe(2.35);
    expect(run('round(-2.5)')).toBe(-3);
    expect(run('min(3, 1, 2)')).toBe(1);
    expect(run('max([4, 9, 2])')).toBe(9);
    expect(run("if(2 > 1, 'да', 'нет')")).toBe('да');
    expect(run("coalesce('', null, 'запасной')")).toBe('запасной');
    expect(run("upper('пароль')")).toBe('ПАРОЛЬ');
    expect(run("contains('Смена ПАРОЛЯ', 'пароля')")).toBe(true);
    expect(run("number('1 234,5')")).toBe(1234.5);
    expect(run("concat('№', 7, ' от ', '2026-11-22')")).toBe('№7 от 2026-11-22');
  });

  it('works with dates as ISO text, today() in the organisation time zone', () => {
    // 21:30 UTC is already the next day in Moscow.
    expect(run('today()')).toBe('2026-11-23');
    expect(run("addDays('2026-12-30', 3)")).toBe('2027-01-02');
    expect(run("addDays('2026-11-22T10:00:00Z', -1)")).toBe('2026-11-21T10:00:00Z');
    expect(run("daysBetween('2026-11-01', '2026-11-22')")).toBe(21);
    expect(run('deadline < today()', { deadline: '2026-11-20' })).toBe(true);
    expect(run("year('2026-11-22') * 100 + month('2026-11-22')")).toBe(202611);
  });

  it('evaluates only the chosen branch of if()', () => {
    const expr = parseExpression("if(true, 1, 'x' * 2)");
    expect(evaluate(expr, {}, clock)).toBe(1);
  });

  it('checks fields and functions, naming what is wrong and where', () => {
    const fields = new Set(['priority', 'category']);
    expect([...checkExpression("priority > 3 and category == 'a'", fields).reads]).toEqual([
      'priority',
      'category',
    ]);
    const problem = (source: string) => {
      try {
        checkExpression(source, fields);
        return 'no problem';
      } catch (e) {
        return expressionMessage(e as ExpressionError, 'ru');
      }
    };
    expect(problem('priorty > 3')).toBe('столбец 1: нет поля «priorty»');
    expect(problem('priority >')).toBe('столбец 11: выражение не закончено');
    expect(problem('frobnicate(priority)')).toBe('столбец 1: нет функции «frobnicate»');
    expect(problem('round()')).toBe('столбец 1: функция «round» принимает аргументов: 1–2');
    expect(problem("category == 'a")).toBe('столбец 13: строка не закрыта кавычкой');
    expect(problem('(priority')).toBe('столбец 10: ожидалось «)», а найдено конец выражения');
    expect(problem('priority $ 2')).toBe('столбец 10: недопустимый символ «$»');
    expect(problem('priority 2')).toBe('столбец 10: неожиданно «2»');
    expect(problem('constructor')).toBe('столбец 1: нет поля «constructor»');
  });

  it('refuses sources that are too long or too deep, quickly', () => {
    expect(() => parseExpression(`${'1+'.repeat(1500)}1`)).toThrow(ExpressionError);
    expect(() => parseExpression(`${'('.repeat(200)}1${')'.repeat(200)}`)).toThrow(/too_deep/);
    expect(() => parseExpression(`${'-'.repeat(100)}1`)).toThrow(/too_deep/);
  });

  it('reaches no JavaScript object through names', () => {
    expect(run('constructor')).toBe(null);
    expect(run('__proto__')).toBe(null);
    expect(run('toString')).toBe(null);
    expect(run('x.constructor', { x: {} })).toBe(null);
    expect(run('hasOwnProperty(1)')).toBe(null);
  });
});
