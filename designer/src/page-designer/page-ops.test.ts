import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addRow,
  freshId,
  moveRow,
  removeColumn,
  removeRow,
  setColumnWidth,
  setColumnWidths,
  widthPresets,
} from './page-ops';

const search = { id: 'search', type: 'search' as const, config: {} };
const popular = { id: 'popular', type: 'popular-articles' as const, config: { count: 5 } };
const news = { id: 'news', type: 'announcements' as const, config: {} };
const page: PageBody = {
  schemaVersion: 1,
  title: { ru: 'Главная' },
  path: '/',
  rows: [
    { id: 'top', columns: [{ id: 'top-1', width: 12, widgets: [search] }] },
    {
      id: 'middle',
      columns: [
        { id: 'left', width: 8, widgets: [popular] },
        { id: 'right', width: 4, widgets: [news] },
      ],
    },
  ],
};
const ids = (body: PageBody) => body.rows.map((r) => r.id);
const layout = (body: PageBody, row: number) =>
  body.rows[row]?.columns.map((c) => [c.width, c.widgets.map((w) => w.id)]);

describe('page rows', () => {
  it('adds empty rows with fresh ids, at the end or at a position', () => {
    const { body, rowId } = addRow(page);
    expect(rowId).toBe('row');
    expect(ids(body)).toEqual(['top', 'middle', 'row']);
    expect(body.rows[2]?.columns).toEqual([{ id: 'column', width: 12, widgets: [] }]);
    const second = addRow(body, 0, [6, 6]);
    expect(ids(second.body)).toEqual(['row-2', 'top', 'middle', 'row']);
    expect(second.body.rows[0]?.columns.map((c) => c.id)).toEqual(['column-2', 'column-3']);
    expect(ids(page)).toEqual(['top', 'middle']);
  });

  it('moves a row to a final position and removes one', () => {
    expect(ids(moveRow(page, 'top', 1))).toEqual(['middle', 'top']);
    expect(ids(moveRow(page, 'middle', -5))).toEqual(['middle', 'top']);
    expect(moveRow(page, 'top', 0)).toBe(page);
    expect(ids(removeRow(page, 'top'))).toEqual(['middle']);
    expect(removeRow(page, 'nowhere')).toBe(page);
  });

  it('makes ids unique across rows, columns and widgets', () => {
    expect(freshId(page, 'search')).toBe('search-2');
    expect(freshId(page, 'left')).toBe('left-2');
    expect(freshId(page, 'новая строка')).toBe('------------');
  });
});

describe('page columns', () => {
  it('applies every preset without losing a widget', () => {
    for (const preset of widthPresets) {
      const body = setColumnWidths(page, 'middle', preset);
      expect(body.rows[1]?.columns.map((c) => c.width)).toEqual(preset);
      const placed = body.rows[1]?.columns.flatMap((c) => c.widgets.map((w) => w.id));
      expect(placed?.sort()).toEqual(['news', 'popular']);
    }
  });

  it('moves the widgets of dropped columns into the last one kept', () => {
    expect(layout(setColumnWidths(page, 'middle', [12]), 1)).toEqual([[12, ['popular', 'news']]]);
    expect(layout(setColumnWidths(page, 'middle', [4, 4, 4]), 1)).toEqual([
      [4, ['popular']],
      [4, ['news']],
      [4, []],
    ]);
  });

  it('refuses more than four columns or none, and clamps widths to 1–12', () => {
    expect(setColumnWidths(page, 'middle', [2, 2, 2, 2, 2])).toBe(page);
    expect(setColumnWidths(page, 'middle', [])).toBe(page);
    expect(layout(setColumnWidths(page, 'top', [0]), 0)).toEqual([[1, ['search']]]);
    expect(setColumnWidths(page, 'middle', [8, 4])).toBe(page);
  });

  it('adds a column spreading widths evenly, up to four', () => {
    const three = addColumn(page, 'middle');
    expect(layout(three, 1)).toEqual([
      [4, ['popular']],
      [4, ['news']],
      [4, []],
    ]);
    const four = addColumn(three, 'middle');
    expect(four.rows[1]?.columns).toHaveLength(4);
    expect(addColumn(four, 'middle')).toBe(four);
  });

  it('removes a column, giving its widgets and width to its neighbour; never the last one', () => {
    expect(layout(removeColumn(page, 'right'), 1)).toEqual([[12, ['popular', 'news']]]);
    expect(layout(removeColumn(page, 'left'), 1)).toEqual([[12, ['popular', 'news']]]);
    expect(removeColumn(page, 'top-1')).toBe(page);
  });

  it('edits one column width freely', () => {
    expect(layout(setColumnWidth(page, 'left', 6), 1)).toEqual([
      [6, ['popular']],
      [4, ['news']],
    ]);
    expect(setColumnWidth(page, 'nowhere', 6)).toBe(page);
  });
});
