import { describe, expect, it } from 'vitest';
import type { EntityBody } from './schema.js';
import { allowedStatusValues, transitionProblems } from './status-transitions.js';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  fields: [
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус', en: 'Status' },
      options: [
        { value: 'new', label: { ru: 'Новое', en: 'New' } },
        { value: 'work', label: { ru: 'В работе', en: 'In progress' } },
        { value: 'closed', label: { ru: 'Закрыто', en: 'Closed' } },
        { value: 'other', label: { ru: 'Прочее' } },
      ],
      transitions: { new: ['work'], work: ['closed', 'new'], closed: [] },
    },
    {
      key: 'priority',
      type: 'enum',
      label: { ru: 'Приоритет' },
      options: [
        { value: 'low', label: { ru: 'Низкий' } },
        { value: 'high', label: { ru: 'Высокий' } },
      ],
    },
  ],
} as EntityBody;
const status = entity.fields[0] as Extract<EntityBody['fields'][number], { type: 'enum' }>;

describe('allowedStatusValues', () => {
  it('offers the current value and the arrows out of it, in the order of the options', () => {
    expect(allowedStatusValues(status, 'new')).toEqual(['new', 'work']);
    expect(allowedStatusValues(status, 'work')).toEqual(['new', 'work', 'closed']);
    expect(allowedStatusValues(status, 'closed')).toEqual(['closed']);
  });

  it('leaves every value open where the model draws nothing', () => {
    expect(allowedStatusValues(status, undefined)).toHaveLength(4);
    expect(allowedStatusValues(status, 'other')).toHaveLength(4);
  });
});

describe('transitionProblems', () => {
  it('accepts staying put, following an arrow and fields without a model', () => {
    expect(transitionProblems(entity, { status: 'new' }, { status: 'new' }, 'ru')).toEqual([]);
    expect(transitionProblems(entity, { status: 'new' }, { status: 'work' }, 'ru')).toEqual([]);
    expect(
      transitionProblems(
        entity,
        { status: 'new', priority: 'low' },
        { status: 'new', priority: 'high' },
        'ru',
      ),
    ).toEqual([]);
  });

  it('refuses a move against the model, naming the field and both values', () => {
    expect(transitionProblems(entity, { status: 'new' }, { status: 'closed' }, 'ru')).toEqual([
      {
        pointer: '/status',
        code: 'transition',
        message: '«Статус»: из «Новое» нельзя перейти в «Закрыто»',
      },
    ]);
    expect(transitionProblems(entity, { status: 'closed' }, {}, 'en')[0]?.message).toBe(
      '"Status" cannot move from "Closed" to "empty"',
    );
  });
});
