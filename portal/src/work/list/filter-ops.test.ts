import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { decodeFilter, encodeFilter, inputFor, isRunnable, newFilter, opsFor } from './filter-ops';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' } },
    { key: 'amount', type: 'money', label: { ru: 'Сумма' } },
    { key: 'dueAt', type: 'datetime', label: { ru: 'Срок' } },
    { key: 'vip', type: 'boolean', label: { ru: 'VIP' } },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус' },
      options: [
        { value: 'new', label: { ru: 'Новое' } },
        { value: 'done', label: { ru: 'Решено' } },
      ],
    },
    { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
    { key: 'watchers', type: 'user', label: { ru: 'Наблюдатели' }, multiple: true },
    { key: 'files', type: 'file', label: { ru: 'Файлы' }, multiple: true },
  ],
} as EntityBody;
const field = (key: string) => entity.fields.find((f) => f.key === key)!;

describe('filters', () => {
  it('round-trips field:op:value, keeping colons inside the value', () => {
    const filter = { field: 'dueAt', op: 'gte' as const, value: '2026-11-22T10:00:00Z' };
    expect(decodeFilter(encodeFilter(filter))).toEqual(filter);
    expect(decodeFilter('subject:like:x')).toBeNull();
    expect(decodeFilter(':eq:x')).toBeNull();
  });

  it('offers comparisons and value editors that suit each field type', () => {
    expect(opsFor(field('subject'))).toEqual(['contains', 'eq', 'empty']);
    expect(opsFor(field('amount'))[0]).toBe('eq');
    expect(opsFor(field('status'))).toEqual(['in', 'ne', 'empty']);
    expect(opsFor(field('client'))).toEqual(['eq', 'empty']);
    expect(opsFor(field('watchers'))).toEqual(['contains', 'empty']);
    expect(opsFor(field('files'))).toEqual(['empty']);
    expect(opsFor('createdAt')).toEqual(['gte', 'lte']);
    expect(inputFor(field('status'), 'in')).toBe('options');
    expect(inputFor(field('client'), 'eq')).toBe('record');
    expect(inputFor(field('subject'), 'empty')).toBe('boolean');
    expect(inputFor('number', 'eq')).toBe('number');
  });

  it('runs only complete filters on known fields', () => {
    expect(isRunnable(entity, { field: 'subject', op: 'contains', value: '' })).toBe(false);
    expect(isRunnable(entity, { field: 'subject', op: 'contains', value: 'оплата' })).toBe(true);
    expect(isRunnable(entity, { field: 'amount', op: 'gte', value: '10,5' })).toBe(false);
    expect(isRunnable(entity, { field: 'amount', op: 'gte', value: '10.5' })).toBe(true);
    expect(isRunnable(entity, { field: 'gone', op: 'eq', value: 'x' })).toBe(false);
    expect(isRunnable(entity, { field: 'status', op: 'contains', value: 'x' })).toBe(false);
    expect(isRunnable(entity, { field: 'files', op: 'empty', value: 'maybe' })).toBe(false);
  });

  it('starts a new filter with the field’s first comparison', () => {
    expect(newFilter(entity, 'subject')).toEqual({ field: 'subject', op: 'contains', value: '' });
    expect(newFilter(entity, 'files')).toEqual({ field: 'files', op: 'empty', value: 'true' });
    expect(newFilter(entity, 'vip')).toEqual({ field: 'vip', op: 'eq', value: 'true' });
    expect(newFilter(entity, 'nope')).toBeNull();
  });
});
