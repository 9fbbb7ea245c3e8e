import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { indexProblems, problemsAt } from './problem-index';

const page: PageBody = {
  schemaVersion: 1,
  title: { ru: '' },
  path: 'bad',
  rows: [
    {
      id: 'r',
      columns: [{ id: 'c', width: 13, widgets: [{ id: 'tree', type: 'tree', config: { tree: '' } }] }],
    },
  ],
};

describe('problems on the page designer', () => {
  it('land on the widget, the column or the page setting they concern', () => {
    const index = indexProblems(page, [
      { pointer: '/rows/0/columns/0/widgets/0/config/tree', message: 'нет дерева' },
      { pointer: '/rows/0/columns/0/width', message: 'не больше 12' },
      { pointer: '/title/ru', message: 'пусто' },
      { pointer: '/path', message: 'неверный путь' },
      { pointer: null, message: 'имя занято' },
    ]);
    expect(index.widgets.get('tree')).toEqual([['/tree', 'нет дерева']]);
    expect(index.layout.get('c')).toEqual(['не больше 12']);
    expect(index.page.get('/title')).toEqual(['пусто']);
    expect(index.page.get('/path')).toEqual(['неверный путь']);
    expect(index.page.get('')).toEqual(['имя занято']);
  });

  it('are picked for a setting and anything below it', () => {
    const list: [string, string][] = [
      ['/title/ru', 'пусто'],
      ['/titles', 'другое'],
      ['/count', 'много'],
    ];
    expect(problemsAt(list, '/title')).toEqual(['пусто']);
    expect(problemsAt(list, '/count')).toEqual(['много']);
    expect(problemsAt(undefined, '/count')).toEqual([]);
  });
});
