import type { KbCategory } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { buildCategoryTree } from './categories';

const category = (id: string, parentId: string | null, position: number): KbCategory => ({
  id,
  key: `k-${id}`,
  title: { ru: id },
  description: null,
  parentId,
  position,
  articleCount: 1,
});

describe('category tree', () => {
  const tree = buildCategoryTree([
    category('b', null, 2),
    category('a', null, 1),
    category('a2', 'a', 2),
    category('a1', 'a', 1),
    category('orphan', 'hidden', 1),
  ]);

  it('orders top-level categories and children by position', () => {
    expect(tree.roots.map((c) => c.id)).toEqual(['a', 'orphan', 'b']);
    expect(tree.children('a').map((c) => c.id)).toEqual(['a1', 'a2']);
    expect(tree.children('b')).toEqual([]);
  });

  it('finds categories by key and gives the trail from the top', () => {
    expect(tree.byKey.get('k-a1')?.id).toBe('a1');
    expect(tree.trail('a2').map((c) => c.id)).toEqual(['a', 'a2']);
    expect(tree.trail(null)).toEqual([]);
    expect(tree.trail('missing')).toEqual([]);
  });

  it('stops at a cycle in bad data', () => {
    const cyclic = buildCategoryTree([category('x', 'y', 1), category('y', 'x', 1)]);
    expect(cyclic.trail('x').map((c) => c.id)).toEqual(['y', 'x']);
  });
});
