import { describe, expect, it } from 'vitest';
import { convertValue, fieldValueFits } from './field-conversion.js';
import type { EntityField } from './schema.js';

const label = { ru: 'Поле' };
const f = (type: string, extra: object = {}) => ({ key: 'f', type, label, ...extra }) as EntityField;
const convert = (value: unknown, from: EntityField, to: EntityField) => convertValue(value, from, to);

describe('converting stored values between field types', () => {
  it('reads numbers written either way and refuses words', () => {
    expect(convert('1 500,50', f('string'), f('number'))).toEqual({ ok: true, value: 1500.5 });
    expect(convert('-3', f('text'), f('money'))).toEqual({ ok: true, value: -3 });
    expect(convert('около ста', f('string'), f('number'))).toEqual({ ok: false });
    expect(convert(42, f('number'), f('string'))).toEqual({ ok: true, value: '42' });
  });

  it('reads yes/no words as booleans', () => {
    expect(convert('Да', f('string'), f('boolean'))).toEqual({ ok: true, value: true });
    expect(convert('no', f('string'), f('boolean'))).toEqual({ ok: true, value: false });
    expect(convert('может быть', f('string'), f('boolean'))).toEqual({ ok: false });
  });

  it('matches enum options by value or by label, ignoring case', () => {
    const to = f('enum', { options: [{ value: 'tg', label: { ru: 'Телеграм', en: 'Telegram' } }] });
    expect(convert('tg', f('string'), to)).toEqual({ ok: true, value: 'tg' });
    expect(convert('телеграм', f('string'), to)).toEqual({ ok: true, value: 'tg' });
    expect(convert('почта', f('string'), to)).toEqual({ ok: false });
  });

  it('escapes text turned into HTML and strips tags going back', () => {
    expect(convert('a < b\nвторая', f('text'), f('richtext'))).toEqual({
      ok: true,
      value: '<p>a &lt; b</p><p>вторая</p>',
    });
    expect(convert('<p>a &lt; b</p><p>вторая</p>', f('richtext'), f('text'))).toEqual({
      ok: true,
      value: 'a < b\nвторая',
    });
  });

  it('turns dates into date-times and back', () => {
    expect(convert('2026-03-01', f('date'), f('datetime'))).toEqual({
      ok: true,
      value: '2026-03-01T00:00:00Z',
    });
    expect(convert('2026-03-01T10:00:00Z', f('datetime'), f('date'))).toEqual({
      ok: true,
      value: '2026-03-01',
    });
  });

  it('wraps a single relation into a list and unwraps a list of one, never losing ids', () => {
    const id = '3f1c2a4e-8a55-4c55-9d7e-0d3c1c7e9a11';
    const one = f('relation', { entity: 'client' });
    const many = f('relation', { entity: 'client', many: true });
    expect(convert(id, one, many)).toEqual({ ok: true, value: [id] });
    expect(convert([id], many, one)).toEqual({ ok: true, value: id });
    expect(convert([id, id], many, one)).toEqual({ ok: false });
    expect(convert(id, one, f('relation', { entity: 'company' }))).toEqual({ ok: false });
  });

  it('converts table rows column by column, dropping removed columns and filling defaults', () => {
    const from = f('table', {
      columns: [
        { key: 'qty', type: 'string', label },
        { key: 'old', type: 'string', label },
      ],
    });
    const to = f('table', {
      columns: [
        { key: 'qty', type: 'number', label },
        { key: 'unit', type: 'string', label, default: 'шт' },
      ],
    });
    expect(convert([{ qty: '2', old: 'x' }], from, to)).toEqual({
      ok: true,
      value: [{ qty: 2, unit: 'шт' }],
    });
    expect(convert([{ qty: 'два' }], from, to)).toEqual({ ok: false });
  });

  it('checks a value against the field’s limits', () => {
    expect(fieldValueFits(f('string', { maxLength: 3 }), 'abcd')).toBe(false);
    expect(fieldValueFits(f('string', { pattern: '^[0-9]+$' }), '123')).toBe(true);
    expect(fieldValueFits(f('number', { integer: true }), 1.5)).toBe(false);
  });
});
