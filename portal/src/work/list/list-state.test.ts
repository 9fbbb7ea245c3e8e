import type { EntityBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { defaultColumns, visibleColumns } from './list-columns';
import {
  fromViewState,
  type ListState,
  listSearch,
  nextSort,
  parseListState,
  toRecordQuery,
  toViewState,
} from './list-state';

const entity = {
  schemaVersion: 1,
  label: { ru: 'Обращение' },
  titleField: 'subject',
  fields: [
    { key: 'subject', type: 'string', label: { ru: 'Тема' } },
    { key: 'description', type: 'text', label: { ru: 'Описание' } },
    {
      key: 'status',
      type: 'enum',
      label: { ru: 'Статус' },
      options: [{ value: 'new', label: { ru: 'Новое' } }],
    },
    { key: 'dueAt', type: 'datetime', label: { ru: 'Срок' } },
    { key: 'day', type: 'date', label: { ru: 'День' } },
    { key: 'client', type: 'relation', label: { ru: 'Клиент' }, entity: 'client' },
    { key: 'files', type: 'file', label: { ru: 'Файлы' }, multiple: true },
  ],
} as EntityBody;

const base: ListState = {
  q: '',
  filters: [],
  sort: null,
  offset: 0,
  limit: 20,
  columns: null,
  view: null,
};

describe('list state in the address', () => {
  it('round-trips through the query string and leaves defaults out of it', () => {
    const state: ListState = {
      q: 'оплата картой',
      filters: [
        { field: 'status', op: 'in', value: 'new|done' },
        { field: 'subject', op: 'contains', value: 'a:b' },
      ],
      sort: '-createdAt',
      offset: 40,
      limit: 50,
      columns: ['number', 'subject'],
      view: 'v1',
    };
    expect(parseListState(listSearch(state))).toEqual(state);
    expect(listSearch(base)).toBe('');
  });

  it("keeps a page's cursor in the address and sends it instead of the offset", () => {
    const state: ListState = { ...base, offset: 40, after: 'WyIiLG51bGxd' };
    expect(parseListState(listSearch(state))).toEqual(state);
    expect(toRecordQuery(entity, state)).toMatchObject({ after: 'WyIiLG51bGxd' });
    expect(toRecordQuery(entity, state)).not.toHaveProperty('offset');
    const back: ListState = { ...base, offset: 20, before: 'WyIiXQ' };
    expect(toRecordQuery(entity, parseListState(listSearch(back)))).toMatchObject({ before: 'WyIiXQ' });
  });

  it('ignores what it cannot read', () => {
    expect(parseListState('?offset=-3&limit=7&filter=bad&sort=')).toEqual(base);
  });

  it('builds the records query from runnable filters only, reading days on moments as whole local days', () => {
    const query = toRecordQuery(entity, {
      ...base,
      q: '  ',
      sort: 'gone',
      filters: [
        { field: 'subject', op: 'contains', value: '' },
        { field: 'status', op: 'in', value: 'new' },
        { field: 'dueAt', op: 'lte', value: '2026-11-05' },
        { field: 'createdAt', op: 'gte', value: '2026-11-01' },
        { field: 'day', op: 'lte', value: '2026-11-05' },
      ],
    });
    expect(query).toEqual({
      q: undefined,
      filter: [
        'status:in:new',
        `dueAt:lt:${new Date(2026, 10, 6).toISOString()}`,
        `createdAt:gte:${new Date(2026, 10, 1).toISOString()}`,
        'day:lte:2026-11-05',
      ],
      sort: undefined,
      limit: 20,
      offset: 0,
    });
    expect(toRecordQuery(entity, { ...base, sort: '-subject' }).sort).toBe('-subject');
  });

  it('cycles a header through ascending, descending and the default order', () => {
    expect(nextSort(null, 'subject')).toBe('subject');
    expect(nextSort('subject', 'subject')).toBe('-subject');
    expect(nextSort('-subject', 'subject')).toBeNull();
    expect(nextSort('-subject', 'status')).toBe('status');
  });

  it('saves columns, filters, sort and search in a view, and reopens it on the first page', () => {
    const state: ListState = {
      ...base,
      q: 'чек',
      sort: 'status',
      offset: 60,
      filters: [{ field: 'status', op: 'in', value: 'new' }],
    };
    const view = toViewState(state, ['number', 'subject']);
    expect(view).toEqual({
      columns: ['number', 'subject'],
      filters: ['status:in:new'],
      sort: 'status',
      q: 'чек',
    });
    expect(fromViewState(view, 'v9', 50)).toEqual({
      ...state,
      offset: 0,
      limit: 50,
      columns: ['number', 'subject'],
      view: 'v9',
    });
  });
});

describe('columns', () => {
  it('shows number, title, statuses and short fields by default, never long text or files', () => {
    expect(defaultColumns(entity)).toEqual([
      'number',
      'subject',
      'status',
      'dueAt',
      'day',
      'client',
      'createdAt',
    ]);
  });

  it('keeps chosen columns that still exist, in the type’s order', () => {
    expect(visibleColumns(entity, ['gone', 'status', 'number']).map((c) => c.key)).toEqual([
      'number',
      'status',
    ]);
    expect(visibleColumns(entity, ['gone']).map((c) => c.key)).toEqual(['number']);
    expect(visibleColumns(entity, null).find((c) => c.key === 'files')).toBeUndefined();
  });
});
