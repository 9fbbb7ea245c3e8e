import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { placeWidget } from './place-widget';

const w = (id: string) => ({ id, type: 'search' as const, config: {} });
const page: PageBody = {
  schemaVersion: 1,
  title: { ru: 'Главная' },
  path: '/',
  rows: [
    {
      id: 'r',
      columns: [
        { id: 'a', width: 6, widgets: [w('one'), w('two')] },
        { id: 'b', width: 6, widgets: [] },
      ],
    },
  ],
};
const ids = (body: PageBody, c: number) => body.rows[0]?.columns[c]?.widgets.map((x) => x.id);

describe('adding a widget with «+»', () => {
  it('goes right after the selected widget', () => {
    expect(ids(placeWidget(page, w('new'), { afterWidget: 'one', column: 'b' }), 0)).toEqual([
      'one',
      'new',
      'two',
    ]);
  });
  it('else to the end of the chosen column, or of the last column', () => {
    expect(ids(placeWidget(page, w('new'), { column: 'a' }), 0)).toEqual(['one', 'two', 'new']);
    expect(ids(placeWidget(page, w('new'), { column: 'gone' }), 1)).toEqual(['new']);
    expect(ids(placeWidget(page, w('new'), {}), 1)).toEqual(['new']);
  });
  it('makes a row on an empty page', () => {
    const body = placeWidget({ ...page, rows: [] }, w('new'), {});
    expect(body.rows).toEqual([{ id: 'row', columns: [{ id: 'column', width: 12, widgets: [w('new')] }] }]);
  });
});
