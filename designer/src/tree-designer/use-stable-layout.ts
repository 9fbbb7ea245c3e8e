import type { TreeBody } from '@opora/runtime/definitions';
import { useRef } from 'react';
import { layoutTree, type Placement, type TreeView } from './tree-layout';

/** The tree's layout, recomputed only when its structure (ids, choices, start) or the view changes, not on every keystroke. */
export function useStableLayout(body: TreeBody, view: TreeView): Map<string, Placement> {
  const key = JSON.stringify([body.root, body.nodes.map((n) => [n.id, n.children ?? []])]);
  const cache = useRef<{ key: string; view: TreeView; layout: Map<string, Placement> } | null>(null);
  if (cache.current?.key !== key || cache.current.view !== view)
    cache.current = { key, view, layout: layoutTree(body, view) };
  return cache.current.layout;
}
