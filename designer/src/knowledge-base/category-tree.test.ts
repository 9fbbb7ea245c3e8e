import type { KbCategory } from '@opora/sdk';
import { describe, expect, it } from 'vitest';
import { categoryPath, childrenOf, flattenTree, reorderSiblings, subtreeIds } from './category-tree';

const cat = (id: string, parentId: string | null, position: number, ru = id): KbCategory => ({
  id,
  key: id,
  title: { ru, en: `${ru}-en` },
  description: null,
  parentId,
  position,
  articleCount: 0,
});

const tree = [
  cat('account', null, 0, 'Аккаунт'),
  cat('billing', null, 1, 'Оплата'),
  cat('passwords', 'account', 1, 'Пароли'),
  cat('login', 'account', 0, 'Вход'),
  cat('reset', 'passwords', 0, 'Сброс'),
];

describe('category tree', () => {
  it('flattens depth-first in position order', () => {
    expect(flattenTree(tree).map((r) => `${r.depth}:${r.category.id}`)).toEqual([
      '0:account',
      '1:login',
      '1:passwords',
      '2:reset',
      '0:billing',
    ]);
  });

  it('treats a category with a missing parent as top level and survives cycles', () => {
    const broken = [cat('a', 'b', 0), cat('b', 'a', 0), cat('orphan', 'gone', 0)];
    expect(childrenOf(broken, null).map((c) => c.id)).toEqual(['orphan']);
    expect(flattenTree(broken).map((r) => r.category.id)).toEqual(['orphan']);
  });

  it('knows the subtree a category cannot move under', () => {
    expect([...subtreeIds(tree, 'account')].sort()).toEqual(['account', 'login', 'passwords', 'reset']);
    expect([...subtreeIds(tree, 'billing')]).toEqual(['billing']);
  });

  it('reorders among siblings, renumbering positions', () => {
    expect(reorderSiblings(tree, 'passwords', -1)).toEqual([
      { id: 'passwords', position: 0 },
      { id: 'login', position: 1 },
    ]);
    expect(reorderSiblings(tree, 'login', -1)).toEqual([]);
    expect(reorderSiblings(tree, 'billing', 1)).toEqual([]);
    const gapped = [cat('x', null, 5), cat('y', null, 5), cat('z', null, 9)];
    expect(reorderSiblings(gapped, 'z', -1)).toEqual([
      { id: 'x', position: 0 },
      { id: 'z', position: 1 },
      { id: 'y', position: 2 },
    ]);
  });

  it('names a category by its path', () => {
    expect(categoryPath(tree, 'reset', 'ru')).toBe('Аккаунт / Пароли / Сброс');
    expect(categoryPath(tree, 'login', 'en')).toBe('Аккаунт-en / Вход-en');
    expect(categoryPath(tree, null, 'ru')).toBe('');
  });
});
