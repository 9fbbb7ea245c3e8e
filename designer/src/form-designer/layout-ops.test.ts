import type { FormElement } from '@opora/runtime/definitions';
import { describe, expect, it } from 'vitest';
import { newLayoutElement } from './element-factory';
import {
  childrenOf,
  findElement,
  insertElement,
  locate,
  moveElement,
  removeElement,
  root,
  updateElement,
} from './layout-ops';

const layout: FormElement[] = [
  { id: 'subject', type: 'field', field: 'subject' },
  {
    id: 'cols',
    type: 'columns',
    columns: [
      { id: 'left', children: [{ id: 'category', type: 'field', field: 'category' }] },
      { id: 'right', children: [] },
    ],
  },
  { id: 'tabs', type: 'tabs', tabs: [{ id: 'main', title: { ru: 'Основное' }, children: [] }] },
];

describe('layout operations', () => {
  it('finds elements and containers at any depth', () => {
    expect(locate(layout, 'category')).toEqual({ containerId: 'left', index: 0 });
    expect(findElement(layout, 'cols')?.type).toBe('columns');
    expect(childrenOf(layout, 'main')).toEqual([]);
    expect(childrenOf(layout, 'nowhere')).toBeUndefined();
  });

  it('moves a field from a column into a tab and back to the top, leaving the original untouched', () => {
    const intoTab = moveElement(layout, 'category', 'main', 0);
    expect(childrenOf(intoTab, 'left')).toEqual([]);
    expect(childrenOf(intoTab, 'main')?.map((e) => e.id)).toEqual(['category']);
    const toTop = moveElement(intoTab, 'category', root, 0);
    expect(toTop.map((e) => e.id)).toEqual(['category', 'subject', 'cols', 'tabs']);
    expect(childrenOf(layout, 'left')?.map((e) => e.id)).toEqual(['category']);
  });

  it('reorders within a container using the index seen before the move', () => {
    expect(moveElement(layout, 'subject', root, 2).map((e) => e.id)).toEqual(['cols', 'subject', 'tabs']);
    expect(moveElement(layout, 'tabs', root, 0).map((e) => e.id)).toEqual(['tabs', 'subject', 'cols']);
  });

  it('refuses to put a container inside itself', () => {
    expect(moveElement(layout, 'cols', 'right', 0)).toBe(layout);
  });

  it('inserts, updates and removes; cleared properties disappear', () => {
    const block = newLayoutElement('block', layout);
    const added = insertElement(layout, 'right', 0, block);
    expect(childrenOf(added, 'right')?.[0]?.id).toBe('block');
    const hidden = updateElement(added, 'subject', {
      visibleIf: "category == 'billing'",
    } as Partial<FormElement>);
    expect(findElement(hidden, 'subject')).toMatchObject({ visibleIf: "category == 'billing'" });
    const cleared = updateElement(hidden, 'subject', { visibleIf: '' } as Partial<FormElement>);
    expect(findElement(cleared, 'subject')).toEqual({ id: 'subject', type: 'field', field: 'subject' });
    expect(removeElement(cleared, 'block').length).toBe(3);
    expect(childrenOf(removeElement(cleared, 'block'), 'right')).toEqual([]);
  });

  it('gives new elements ids unique across the form', () => {
    const columns = newLayoutElement('columns', layout) as Extract<FormElement, { type: 'columns' }>;
    const ids = [columns.id, ...columns.columns.map((c) => c.id)];
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain('cols');
  });
});
