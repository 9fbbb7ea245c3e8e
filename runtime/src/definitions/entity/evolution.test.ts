import { describe, expect, it } from 'vitest';
import { breakingChanges } from './evolution.js';
import { breakingChangeMessage, recordCount } from './evolution-messages.js';
import type { EntityBody, EntityField } from './schema.js';

const label = (ru: string) => ({ ru, en: ru });
const subject: EntityField = { key: 'subject', type: 'string', label: label('Тема'), required: true };
const amount: EntityField = { key: 'amount', type: 'string', label: label('Сумма') };
const channel: EntityField = {
  key: 'channel',
  type: 'enum',
  label: { ru: 'Канал', en: 'Channel' },
  options: [
    { value: 'email', label: label('Почта') },
    { value: 'phone', label: label('Телефон') },
    { value: 'chat', label: label('Чат') },
  ],
};
const type = (fields: EntityField[], migrate?: EntityBody['migrate']): EntityBody => ({
  schemaVersion: 1,
  label: label('Обращение'),
  fields,
  ...(migrate ? { migrate } : {}),
});
const prev = type([subject, amount, channel]);
const codes = (next: EntityBody) => breakingChanges(prev, next).map((c) => `${c.code}@${c.pointer}`);

describe('breaking changes between versions of a data type', () => {
  it('finds none for labels, help, new optional fields, added options and loosened limits', () => {
    const next = type([
      { ...subject, label: label('Заголовок'), help: label('Кратко') },
      { ...amount, maxLength: 5000 },
      { ...channel, options: [...channel.options, { value: 'bot', label: label('Бот') }] },
      { key: 'note', type: 'text', label: label('Заметка') },
    ]);
    expect(breakingChanges(prev, next)).toEqual([]);
  });

  it('names a changed type, asking which values no longer fit', () => {
    const [change] = breakingChanges(prev, type([subject, { ...amount, type: 'number' }, channel]));
    expect(change).toMatchObject({
      code: 'type-changed',
      field: 'amount',
      from: 'string',
      to: 'number',
      pointer: '/fields/1/type',
      question: { ask: 'misfit', field: 'amount', check: { ...amount, type: 'number' } },
      fix: 'convert',
      covered: false,
    });
  });

  it('asks about every filled value when the new type reads values differently (HTML, ids)', () => {
    const [change] = breakingChanges(prev, type([subject, { ...amount, type: 'richtext' }, channel]));
    expect(change?.question).toEqual({ ask: 'filled', field: 'amount' });
  });

  it('names a new required field without a default, and not one with a default', () => {
    const priority: EntityField = {
      key: 'priority',
      type: 'number',
      label: label('Приоритет'),
      required: true,
    };
    expect(codes(type([subject, amount, channel, priority]))).toEqual(['required-added@/fields/3/required']);
    expect(codes(type([subject, amount, channel, { ...priority, default: 3 }]))).toEqual([]);
    expect(breakingChanges(prev, type([subject, amount, channel, priority]))[0]?.question).toEqual({
      ask: 'empty',
      field: 'priority',
    });
  });

  it('names a field that became required without a default', () => {
    expect(codes(type([subject, { ...amount, required: true }, channel]))).toEqual([
      'became-required@/fields/1/required',
    ]);
    expect(codes(type([subject, { ...amount, required: true, default: '0' }, channel]))).toEqual([]);
  });

  it('names removed enum options, asking only about those a map does not replace', () => {
    const next = type([subject, amount, { ...channel, options: channel.options.slice(0, 1) }]);
    const [change] = breakingChanges(prev, next);
    expect(change).toMatchObject({ code: 'option-removed', values: ['phone', 'chat'], covered: false });
    expect(change?.question).toEqual({ ask: 'oneOf', field: 'channel', values: ['phone', 'chat'] });
    const partly = breakingChanges(prev, {
      ...next,
      migrate: [{ field: 'channel', map: { phone: 'email' } }],
    });
    expect(partly[0]).toMatchObject({ covered: false, question: { values: ['chat'] } });
    const fully = breakingChanges(prev, {
      ...next,
      migrate: [{ field: 'channel', map: { phone: 'email', chat: null } }],
    });
    expect(fully[0]?.covered).toBe(true);
  });

  it('names a removed field, covered only by a drop rule', () => {
    const next = type([subject, channel]);
    expect(breakingChanges(prev, next)).toEqual([
      expect.objectContaining({
        code: 'field-removed',
        field: 'amount',
        pointer: '/fields',
        question: { ask: 'filled', field: 'amount' },
        covered: false,
      }),
    ]);
    expect(breakingChanges(prev, { ...next, migrate: [{ field: 'amount', drop: true }] })[0]?.covered).toBe(
      true,
    );
  });

  it('names each tightened limit: shorter maximum, longer minimum, a new pattern, a higher min, integers', () => {
    const numbers: EntityField = { key: 'n', type: 'number', label: label('Н'), min: 0, max: 100 };
    const before = type([{ ...amount, maxLength: 500 }, numbers]);
    const after = type([
      { ...amount, maxLength: 100, minLength: 2, pattern: '^[0-9]+$' },
      { ...numbers, min: 1, max: 50, integer: true },
    ]);
    expect(
      breakingChanges(before, after).map((c) => (c.code === 'limit-tightened' ? c.limit : c.code)),
    ).toEqual(['maxLength', 'minLength', 'pattern', 'min', 'max', 'integer']);
    // A string field without maxLength is capped at 1000: setting 1000 is no change.
    expect(breakingChanges(prev, type([subject, { ...amount, maxLength: 1000 }, channel]))).toEqual([]);
  });

  it('asks each tightened limit about itself, so a count names the records that break that limit', () => {
    const before = type([{ ...amount, maxLength: 500 }]);
    const [length, pattern] = breakingChanges(
      before,
      type([{ ...amount, maxLength: 5, pattern: '^[0-9]+$' }]),
    );
    expect(length?.question).toEqual({ ask: 'misfit', field: 'amount', check: { ...amount, maxLength: 5 } });
    expect(pattern?.question).toEqual({
      ask: 'misfit',
      field: 'amount',
      check: { ...amount, maxLength: 500, pattern: '^[0-9]+$' },
    });
  });

  it('names a field that became unique (only editing records fixes repeats)', () => {
    const [change] = breakingChanges(prev, type([subject, { ...amount, unique: true }, channel], []));
    expect(change).toMatchObject({ code: 'unique-added', fix: null, question: { ask: 'duplicates' } });
  });

  it('names a relation pointed elsewhere, single turned to many, and breaking table column changes', () => {
    const client: EntityField = { key: 'client', type: 'relation', label: label('Клиент'), entity: 'client' };
    const items: EntityField = {
      key: 'items',
      type: 'table',
      label: label('Позиции'),
      columns: [{ key: 'name', type: 'string', label: label('Название') }],
    };
    const before = type([client, items]);
    const after = type([
      { ...client, entity: 'company', many: true },
      { ...items, columns: [{ key: 'name', type: 'number', label: label('Название') }] },
    ]);
    expect(breakingChanges(before, after).map((c) => `${c.code}@${c.pointer}`)).toEqual([
      'target-changed@/fields/0/entity',
      'multiplicity-changed@/fields/0/many',
      'columns-changed@/fields/1/columns',
    ]);
    const addColumn = type([
      client,
      { ...items, columns: [...items.columns, { key: 'qty', type: 'number', label: label('Кол-во') }] },
    ]);
    expect(breakingChanges(before, addColumn)).toEqual([]);
  });

  it('counts a change as covered by the rule that fixes it', () => {
    const next = type(
      [subject, { ...amount, type: 'number' }, channel],
      [{ field: 'amount', convert: true }],
    );
    expect(breakingChanges(prev, next)[0]?.covered).toBe(true);
    const required = type([subject, { ...amount, required: true }, channel], [{ field: 'amount', set: '0' }]);
    expect(breakingChanges(prev, required)[0]?.covered).toBe(true);
  });
});

describe('messages about breaking changes', () => {
  it('says what changed, how many records it breaks and what to do, in Russian and English', () => {
    const [change] = breakingChanges(prev, type([subject, { ...amount, type: 'number' }, channel]));
    expect(breakingChangeMessage(change!, 3, [4, 9], 'ru')).toBe(
      '«Сумма»: тип изменён с «Строка» на «Число», а значения в 3 записях (например, №4, №9) ему не подходят. ' +
        'Добавьте правило миграции «преобразовать значения» или верните прежний тип.',
    );
    expect(breakingChangeMessage(change!, 1, [4], 'en')).toContain(
      '"Сумма": the type changed from String to Number, and the values in 1 record (e.g. №4) do not fit it.',
    );
  });

  it('declines record counts in Russian', () => {
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => recordCount(n, 'ru'))).toEqual([
      '1 запись',
      '2 записи',
      '5 записей',
      '11 записей',
      '21 запись',
      '22 записи',
      '112 записей',
    ]);
  });
});
