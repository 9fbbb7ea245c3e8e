import { describe, expect, it } from 'vitest';
import type { AppError } from '../app-error.js';
import { message } from '../messages.js';
import { parseJsonBody } from './json-body.js';
import { defaultJsonLimits } from './json-value-fault.js';

/** The refusal as the caller reads it: messages put in the locale, as the error handler does. */
const refusal = (text: string, locale: 'ru' | 'en' = 'ru', limits = defaultJsonLimits) => {
  try {
    parseJsonBody(text, limits);
  } catch (error) {
    const e = error as AppError;
    return {
      status: e.status,
      code: e.code,
      message: message(locale, e.messageKey, e.params),
      details: e.details.map((d) => ({
        pointer: d.pointer,
        message: typeof d.message === 'string' ? d.message : message(locale, d.message.key, d.message.params),
      })),
    };
  }
  throw new Error(`accepted: ${text.slice(0, 50)}`);
};

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody('{"a":[1,"б",null]}', defaultJsonLimits)).toEqual({ a: [1, 'б', null] });
  });

  it("says in the caller's language what is wrong with malformed JSON, and where", () => {
    expect(refusal('{"login":\n  "a",}')).toMatchObject({
      status: 400,
      code: 'malformed_json',
      details: [{ pointer: '', message: 'неожиданный символ «}» в строке 2, столбце 7' }],
    });
    expect(refusal('{"login":\n  "a",}', 'en').details[0]!.message).toBe(
      'unexpected character "}" at line 2, column 7',
    );
    expect(refusal('{"a":').details[0]!.message).toBe('текст обрывается, не закончив JSON');
    expect(refusal('').details[0]!.message).toBe('тело запроса пустое');
    expect(refusal('{"a":"\t"}').details[0]!.message).toContain('управляющий символ');
    expect(refusal('\ufeff{}').details[0]!.message).toBe('неожиданный символ «U+FEFF» в строке 1, столбце 1');
  });

  it('refuses NUL and half surrogate pairs in values and keys, pointing at them', () => {
    expect(refusal('{"login":"a\\u0000"}')).toMatchObject({
      code: 'invalid_text',
      details: [{ pointer: '/login', message: expect.stringContaining('нулевой символ') }],
    });
    expect(refusal('{"a":[{"b":"\\ud800x"}]}')).toMatchObject({
      code: 'invalid_text',
      details: [{ pointer: '/a/0/b', message: expect.stringContaining('суррогатной пары') }],
    });
    expect(refusal('{"a":{"k\\u0000":1}}').details[0]!.pointer).toBe('/a/k\u0000');
    expect(parseJsonBody('{"a":"\\ud83d\\ude42"}', defaultJsonLimits)).toEqual({ a: '🙂' });
  });

  it('refuses nesting, keys and items past the limits before the document reaches a schema', () => {
    expect(refusal('['.repeat(10_000) + ']'.repeat(10_000))).toMatchObject({
      code: 'json_too_deep',
      details: [{ pointer: '', message: 'Тело запроса вложено глубже 64 уровней' }],
    });
    const keys = JSON.stringify({
      a: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
    });
    expect(refusal(keys)).toMatchObject({ code: 'json_too_many_keys', details: [{ pointer: '/a' }] });
    expect(refusal(JSON.stringify({ list: new Array(10_001).fill(0) }))).toMatchObject({
      code: 'json_too_many_items',
      details: [{ pointer: '/list', message: 'В списке больше 10000 элементов' }],
    });
    const raised = { ...defaultJsonLimits, items: 200_000 };
    expect(parseJsonBody(JSON.stringify({ list: new Array(10_001).fill(0) }), raised)).toBeTruthy();
  });

  it("refuses keys that reach an object's prototype", () => {
    expect(refusal('{"a":{"__proto__":{"admin":true}}}')).toMatchObject({
      code: 'forbidden_key',
      details: [{ pointer: '/a/__proto__', message: 'Поле «__proto__» недопустимо' }],
    });
    expect(refusal('{"constructor":{"prototype":{"admin":true}}}').code).toBe('forbidden_key');
    expect(parseJsonBody('{"constructor":"a field named so"}', defaultJsonLimits)).toEqual({
      constructor: 'a field named so',
    });
  });
});
