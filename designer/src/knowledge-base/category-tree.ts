import type { KbCategory } from '@opora/sdk';

export interface TreeRow {
  category: KbCategory;
  depth: number;
}

const byPosition = (a: KbCategory, b: KbCategory) =>
  a.position - b.position || a.title.ru.localeCompare(b.title.ru, 'ru');

/** Children of a category (null: top level), in their order. A parent that is gone makes a category top level. */
export function childrenOf(categories: readonly KbCategory[], parentId: string | null): KbCategory[] {
  const ids = new Set(categories.map((c) => c.id));
  return categories
    .filter((c) => (c.parentId && ids.has(c.parentId) ? c.parentId : null) === parentId)
    .sort(byPosition);
}

/** The categories depth-first, each with its depth, for indented lists and selects. */
export function flattenTree(categories: readonly KbCategory[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const visited = new Set<string>();
  const walk = (parentId: string | null, depth: number) => {
    for (const category of childrenOf(categories, parentId)) {
      if (visited.has(category.id)) continue; // a cycle from bad data must not hang the page
      visited.add(category.id);
      rows.push({ category, depth });
      walk(category.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The category and everything below it: where it cannot be moved. */
export function subtreeIds(categories: readonly KbCategory[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories)
      if (c.parentId && result.has(c.parentId) && !result.has(c.id)) {
        result.add(c.id);
        grew = true;
      }
  }
  return result;
}

/**
 * Moves a category one place up or down among its siblings; returns the positions to store (only those that
 * change), numbering the siblings 0, 1, 2… so equal or gapped positions from earlier edits straighten out.
 */
export function reorderSiblings(
  categories: readonly KbCategory[],
  id: string,
  direction: -1 | 1,
): { id: string; position: number }[] {
  const moving = categories.find((c) => c.id === id);
  if (!moving) return [];
  const parentExists = categories.some((c) => c.id === moving.parentId);
  const siblings = childrenOf(categories, parentExists ? moving.parentId : null);
  const from = siblings.findIndex((c) => c.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= siblings.length) return [];
  const order = [...siblings];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order.flatMap((c, position) => (c.position === position ? [] : [{ id: c.id, position }]));
}

/** «Аккаунт / Пароли» for a category, from the top. */
export function categoryPath(
  categories: readonly KbCategory[],
  id: string | null,
  locale: 'ru' | 'en',
): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = categories.find((c) => c.id === id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift((locale === 'en' && current.title.en) || current.title.ru);
    current = categories.find((c) => c.id === current?.parentId);
  }
  return names.join(' / ');
}
