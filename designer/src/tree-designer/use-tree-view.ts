import type { TreeBody } from '@opora/runtime/definitions';
import { useCallback, useState } from 'react';
import { initialCollapsed, type LayoutMode, type TreeView } from './tree-layout';

/** Per tree, in this browser: how the analyst left the canvas (layout and folded branches). */
const storageKey = (treeKey: string) => `opora.tree-view.${treeKey}`;

function load(treeKey: string, body: TreeBody): TreeView {
  try {
    const raw = window.localStorage.getItem(storageKey(treeKey));
    const saved = raw ? (JSON.parse(raw) as { mode?: unknown; collapsed?: unknown }) : null;
    if (saved && Array.isArray(saved.collapsed))
      return {
        mode: saved.mode === 'outline' ? 'outline' : 'tree',
        collapsed: new Set(saved.collapsed.filter((id): id is string => typeof id === 'string')),
      };
  } catch {
    // Storage off or a broken entry: start as for a tree never opened here.
  }
  return { mode: 'tree', collapsed: initialCollapsed(body) };
}

function save(treeKey: string, view: TreeView): void {
  try {
    window.localStorage.setItem(
      storageKey(treeKey),
      JSON.stringify({ mode: view.mode, collapsed: [...view.collapsed] }),
    );
  } catch {
    // Not remembered (private mode, full storage): the canvas works the same.
  }
}

/** Questions above `id`, every way down from the start: unfolding them all makes `id` drawn. */
export function ancestorsOf(body: TreeBody, id: string): Set<string> {
  const parents = new Map<string, string[]>();
  for (const node of body.nodes)
    for (const child of node.children ?? []) parents.set(child, [...(parents.get(child) ?? []), node.id]);
  const found = new Set<string>();
  const stack = [...(parents.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop() as string;
    if (found.has(next)) continue;
    found.add(next);
    stack.push(...(parents.get(next) ?? []));
  }
  return found;
}

export interface TreeViewControls {
  view: TreeView;
  setMode(mode: LayoutMode): void;
  /** Folds or unfolds a question's choices. */
  toggle(id: string): void;
  /** Unfolds whatever hides `id`. */
  reveal(body: TreeBody, id: string): void;
  setCollapsed(ids: Iterable<string>): void;
}

/** Every question with choices except the start: «Свернуть всё» leaves the start and its choices. */
export const foldable = (body: TreeBody): string[] =>
  body.nodes.flatMap((n) => (n.id !== body.root && n.children?.length ? [n.id] : []));

export function useTreeView(treeKey: string, body: TreeBody): TreeViewControls {
  const [view, setView] = useState<TreeView>(() => load(treeKey, body));
  const update = useCallback(
    (next: (view: TreeView) => TreeView) =>
      setView((current) => {
        const updated = next(current);
        if (updated !== current) save(treeKey, updated);
        return updated;
      }),
    [treeKey],
  );
  const setMode = useCallback(
    (mode: LayoutMode) => update((v) => (v.mode === mode ? v : { ...v, mode })),
    [update],
  );
  const toggle = useCallback(
    (id: string) =>
      update((v) => {
        const collapsed = new Set(v.collapsed);
        if (!collapsed.delete(id)) collapsed.add(id);
        return { ...v, collapsed };
      }),
    [update],
  );
  const reveal = useCallback(
    (tree: TreeBody, id: string) =>
      update((v) => {
        const above = ancestorsOf(tree, id);
        if (![...above].some((a) => v.collapsed.has(a))) return v;
        return { ...v, collapsed: new Set([...v.collapsed].filter((c) => !above.has(c))) };
      }),
    [update],
  );
  const setCollapsed = useCallback(
    (ids: Iterable<string>) => update((v) => ({ ...v, collapsed: new Set(ids) })),
    [update],
  );
  return { view, setMode, toggle, reveal, setCollapsed };
}
