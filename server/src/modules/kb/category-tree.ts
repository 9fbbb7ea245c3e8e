import type { CategoryRow } from './kb-rows.js';

/** The category and every category below it, by id. */
export function withDescendants(categories: readonly CategoryRow[], id: string): string[] {
  const result = [id];
  for (let i = 0; i < result.length; i++)
    for (const c of categories) if (c.parent_id === result[i] && !result.includes(c.id)) result.push(c.id);
  return result;
}

/** From the top category down to this one. */
export function pathTo(categories: readonly CategoryRow[], id: string | null): CategoryRow[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: CategoryRow[] = [];
  let at = id ? byId.get(id) : undefined;
  while (at && !path.includes(at)) {
    path.unshift(at);
    at = at.parent_id ? byId.get(at.parent_id) : undefined;
  }
  return path;
}

/** Moving `id` under `parentId` would put a category inside itself. */
export const wouldCycle = (
  categories: readonly CategoryRow[],
  id: string,
  parentId: string | null,
): boolean => parentId !== null && withDescendants(categories, id).includes(parentId);
