import type { TreeBody } from '@opora/runtime/definitions';
import { useRef } from 'react';
import { layoutTree, type Placement } from './tree-layout';

/** The tree's layout, recomputed only when its structure (ids, choices, start) changes, not on every keystroke. */
export function useStableLayout(body: TreeBody): Map<string, Placement> {
  const key = JSON.stringify([body.root, body.nodes.map((n) => [n.id, n.children ?? []])]);
  const cache = useRef<{ key: string; layout: Map<string, Placement> } | null>(null);
  if (cache.current?.key !== key) cache.current = { key, layout: layoutTree(body) };
  return cache.current.layout;
}
