import type { PageBody } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { applyDrop } from './drag-drop';
import { emptyLookups } from './use-page-lookups';

const w = (id: string) => ({ id, type: 'search' as const, config: {} });
const page: PageBody = {
  schemaVersion: 1,
  title: { ru: 'Главная' },
  path: '/',
  rows: [
    { id: 'r1', columns: [{ id: 'a', width: 12, widgets: [w('one'), w('two')] }] },
    { id: 'r2', columns: [{ id: 'b', width: 12, widgets: [] }] },
  ],
};
const widgets = (body: PageBody | undefined, row: number) =>
  body?.rows[row]?.columns[0]?.widgets.map((x) => x.id);

describe('dropping on the page canvas', () => {
  it('places a palette widget before the widget it is dropped on, or at the end of a column', () => {
    const before = applyDrop(
      page,
      'palette:popular-articles',
      { kind: 'palette', type: 'popular-articles' },
      { kind: 'widget', columnId: 'a', index: 1 },
      emptyLookups,
    );
    expect(widgets(before?.body, 0)).toEqual(['one', 'popular-articles', 'two']);
    expect(before?.select).toBe('popular-articles');
    const end = applyDrop(
      page,
      'palette:search',
      { kind: 'palette', type: 'search' },
      { kind: 'column', columnId: 'b' },
      emptyLookups,
    );
    expect(widgets(end?.body, 1)).toEqual(['search']);
  });

  it('puts a widget dropped on a later one of its column after it', () => {
    const result = applyDrop(
      page,
      'one',
      { kind: 'widget', columnId: 'a', index: 0 },
      { kind: 'widget', columnId: 'a', index: 1 },
      emptyLookups,
    );
    expect(widgets(result?.body, 0)).toEqual(['two', 'one']);
  });

  it('moves a widget into another row’s column', () => {
    const result = applyDrop(
      page,
      'two',
      { kind: 'widget', columnId: 'a', index: 1 },
      { kind: 'column', columnId: 'b' },
      emptyLookups,
    );
    expect(widgets(result?.body, 0)).toEqual(['one']);
    expect(widgets(result?.body, 1)).toEqual(['two']);
  });

  it('reorders rows only onto rows, and ignores drops that change nothing', () => {
    const result = applyDrop(page, 'r1', { kind: 'row', index: 0 }, { kind: 'row', index: 1 }, emptyLookups);
    expect(result?.body.rows.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(
      applyDrop(page, 'r1', { kind: 'row', index: 0 }, { kind: 'column', columnId: 'b' }, emptyLookups),
    ).toBeNull();
    expect(
      applyDrop(
        page,
        'one',
        { kind: 'widget', columnId: 'a', index: 0 },
        { kind: 'row', index: 1 },
        emptyLookups,
      ),
    ).toBeNull();
    expect(
      applyDrop(
        page,
        'one',
        { kind: 'widget', columnId: 'a', index: 0 },
        { kind: 'widget', columnId: 'a', index: 0 },
        emptyLookups,
      ),
    ).toBeNull();
    expect(applyDrop(page, 'one', undefined, { kind: 'column', columnId: 'b' }, emptyLookups)).toBeNull();
  });
});
