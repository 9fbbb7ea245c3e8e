import type { KbCategory } from '@opora/sdk';

/** The category tree as the portal walks it: by id and key, children in order, and the way up to the top. */
export interface CategoryTree {
  all: KbCategory[];
  byId: ReadonlyMap<string, KbCategory>;
  byKey: ReadonlyMap<string, KbCategory>;
  /** Top-level categories, in order. */
  roots: KbCategory[];
  children(id: string): KbCategory[];
  /** From the top category down to this one (inclusive); empty when unknown. */
  trail(id: string | null | undefined): KbCategory[];
}

const byPosition = (a: KbCategory, b: KbCategory): number =>
  a.position - b.position || a.key.localeCompare(b.key);

export function buildCategoryTree(items: readonly KbCategory[]): CategoryTree {
  const byId = new Map(items.map((c) => [c.id, c]));
  const byKey = new Map(items.map((c) => [c.key, c]));
  const kids = new Map<string | null, KbCategory[]>();
  for (const c of items) {
    // A parent that is not visible to this caller makes its child a top-level one rather than lost.
    const parent = c.parentId && byId.has(c.parentId) ? c.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), c]);
  }
  for (const list of kids.values()) list.sort(byPosition);
  return {
    all: [...items],
    byId,
    byKey,
    roots: kids.get(null) ?? [],
    children: (id) => kids.get(id) ?? [],
    trail(id) {
      const up: KbCategory[] = [];
      const seen = new Set<string>();
      let at = id ? byId.get(id) : undefined;
      // `seen` guards against a cycle in bad data: the trail stops instead of looping.
      while (at && !seen.has(at.id)) {
        seen.add(at.id);
        up.unshift(at);
        at = at.parentId ? byId.get(at.parentId) : undefined;
      }
      return up;
    },
  };
}
