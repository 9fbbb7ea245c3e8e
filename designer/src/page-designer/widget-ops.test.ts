import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import {
  findWidget,
  insertWidget,
  locateWidget,
  moveWidget,
  nudgeWidget,
  removeWidget,
  updateWidgetConfig,
} from './widget-ops';

const w = (id: string) => ({ id, type: 'search' as const, config: {} });
const page: PageBody = {
  schemaVersion: 1,
  title: { ru: 'Главная' },
  path: '/',
  rows: [
    { id: 'r1', columns: [{ id: 'a', width: 12, widgets: [w('one'), w('two'), w('three')] }] },
    {
      id: 'r2',
      columns: [
        { id: 'b', width: 6, widgets: [w('four')] },
        { id: 'c', width: 6, widgets: [] },
      ],
    },
  ],
};
const column = (body: PageBody, id: string) =>
  body.rows
    .flatMap((r) => r.columns)
    .find((c) => c.id === id)
    ?.widgets.map((x) => x.id);

describe('page widgets', () => {
  it('are found wherever they are', () => {
    expect(locateWidget(page, 'four')).toEqual({ rowIndex: 1, columnId: 'b', columnIndex: 0, index: 0 });
    expect(findWidget(page, 'two')?.id).toBe('two');
    expect(locateWidget(page, 'nowhere')).toBeUndefined();
  });

  it('insert at a position and are removed, leaving the original page alone', () => {
    const added = insertWidget(page, 'c', 0, w('five'));
    expect(column(added, 'c')).toEqual(['five']);
    expect(column(removeWidget(added, 'one'), 'a')).toEqual(['two', 'three']);
    expect(column(page, 'c')).toEqual([]);
    expect(removeWidget(page, 'nowhere')).toBe(page);
  });

  it('reorder within a column counting the target index before the move', () => {
    expect(column(moveWidget(page, 'one', 'a', 2), 'a')).toEqual(['two', 'one', 'three']);
    expect(column(moveWidget(page, 'one', 'a', 3), 'a')).toEqual(['two', 'three', 'one']);
    expect(column(moveWidget(page, 'three', 'a', 0), 'a')).toEqual(['three', 'one', 'two']);
    expect(moveWidget(page, 'one', 'a', 1)).toBe(page);
  });

  it('move between columns and rows', () => {
    const moved = moveWidget(page, 'two', 'c', 0);
    expect(column(moved, 'a')).toEqual(['one', 'three']);
    expect(column(moved, 'c')).toEqual(['two']);
    expect(moveWidget(page, 'two', 'nowhere', 0)).toBe(page);
  });

  it('nudge up, down and to the neighbouring column in reading order (the keyboard way)', () => {
    expect(column(nudgeWidget(page, 'two', 'up'), 'a')).toEqual(['two', 'one', 'three']);
    expect(column(nudgeWidget(page, 'two', 'down'), 'a')).toEqual(['one', 'three', 'two']);
    expect(nudgeWidget(page, 'one', 'up')).toBe(page);
    expect(nudgeWidget(page, 'three', 'down')).toBe(page);
    expect(column(nudgeWidget(page, 'three', 'right'), 'b')).toEqual(['four', 'three']);
    expect(column(nudgeWidget(page, 'four', 'left'), 'a')).toEqual(['one', 'two', 'three', 'four']);
    expect(nudgeWidget(page, 'one', 'left')).toBe(page);
  });

  it('get new settings, keeping their type', () => {
    const next = updateWidgetConfig(page, 'one', { placeholder: { ru: 'Что случилось?' } });
    expect(findWidget(next, 'one')).toEqual({
      id: 'one',
      type: 'search',
      config: { placeholder: { ru: 'Что случилось?' } },
    });
  });
});
