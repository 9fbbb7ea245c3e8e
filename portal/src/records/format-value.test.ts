import type { EntityField } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { type FormatContext, formatValue, referencedIds } from './format-value';

const ctx: FormatContext = {
  locale: 'ru',
  yes: 'Да',
  no: 'Нет',
  rows: (n) => `Строк: ${n}`,
  names: new Map([['c1', 'Иванова Мария']]),
};
const f = (field: object) => ({ key: 'x', label: { ru: 'X' }, ...field }) as EntityField;

describe('formatValue', () => {
  it('writes each type as people read it', () => {
    const status = f({
      type: 'enum',
      options: [{ value: 'new', label: { ru: 'Новое', en: 'New' } }],
    });
    expect(formatValue(status, 'new', ctx)).toBe('Новое');
    expect(formatValue(status, 'new', { ...ctx, locale: 'en' })).toBe('New');
    expect(formatValue(f({ type: 'boolean' }), false, ctx)).toBe('Нет');
    expect(formatValue(f({ type: 'date' }), '2026-11-05', ctx)).toBe('05.11.2026');
    expect(formatValue(f({ type: 'money', currency: 'RUB' }), 1500, ctx)).toMatch(/1\s500,00\s₽/);
    expect(formatValue(f({ type: 'relation', entity: 'client' }), 'c1', ctx)).toBe('Иванова Мария');
    expect(formatValue(f({ type: 'relation', entity: 'client', many: true }), ['c1', 'c2'], ctx)).toBe(
      'Иванова Мария, …',
    );
    expect(formatValue(f({ type: 'file', multiple: true }), [{ id: '1', name: 'чек.pdf' }], ctx)).toBe(
      'чек.pdf',
    );
    expect(formatValue(f({ type: 'table', columns: [] }), [{}, {}], ctx)).toBe('Строк: 2');
    expect(formatValue(f({ type: 'richtext' }), '<p>Привет,&nbsp;<b>мир</b></p>', ctx)).toBe('Привет, мир');
    expect(formatValue(f({ type: 'string' }), null, ctx)).toBe('');
  });

  it('collects the linked records per type and the people to name', () => {
    const fields = [
      f({ key: 'client', type: 'relation', entity: 'client' }),
      f({ key: 'owner', type: 'user' }),
    ];
    const { records, users } = referencedIds(fields, [{ client: 'a', owner: 'u1' }, { client: 'b' }, {}]);
    expect(records).toEqual(new Map([['client', new Set(['a', 'b'])]]));
    expect(users).toEqual(new Set(['u1']));
  });
});
