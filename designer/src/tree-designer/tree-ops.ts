import type { TreeBody, TreeNode } from '@opora/runtime/definitions';

/**
 * Pure edits of a question tree body (schemaVersion 2: flat nodes naming their children). Each returns the same
 * body object when nothing changes, so the store can skip no-op steps in the undo history.
 */

export const findNode = (body: TreeBody, id: string): TreeNode | undefined =>
  body.nodes.find((n) => n.id === id);

/** The node that lists `id` among its choices (the first one, if a node is shared). */
export const parentOf = (body: TreeBody, id: string): TreeNode | undefined =>
  body.nodes.find((n) => n.children?.includes(id));

/** Every node reachable from `from` (itself included), not going through `skip`. */
export function reachable(body: TreeBody, from: string, skip?: string): Set<string> {
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === skip || !byId.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.children ?? []));
  }
  return seen;
}

/** What deleting `id` removes: its subtree, except nodes still reachable from the start another way. */
export function removalSet(body: TreeBody, id: string): Set<string> {
  if (id === body.root) return new Set();
  const kept = reachable(body, body.root, id);
  return new Set([...reachable(body, id)].filter((n) => !kept.has(n)));
}

const withoutChild = (node: TreeNode, id: string): TreeNode => {
  if (!node.children?.includes(id)) return node;
  return { ...node, children: node.children.filter((c) => c !== id) };
};

export function removeSubtree(body: TreeBody, id: string): TreeBody {
  const gone = removalSet(body, id);
  if (!gone.size) return body;
  return {
    ...body,
    nodes: body.nodes.filter((n) => !gone.has(n.id)).map((n) => withoutChild(n, id)),
  };
}

/**
 * Gives node `from` the id `to`, in the node, in every list of choices and as the start. Nothing happens when `to`
 * is taken (ids are unique within a tree).
 */
export function renameNode(body: TreeBody, from: string, to: string): TreeBody {
  if (from === to || !findNode(body, from) || findNode(body, to)) return body;
  return {
    ...body,
    root: body.root === from ? to : body.root,
    nodes: body.nodes.map((n) => {
      const id = n.id === from ? to : n.id;
      const children = n.children?.includes(from) ? n.children.map((c) => (c === from ? to : c)) : n.children;
      return id === n.id && children === n.children ? n : { ...n, id, ...(children ? { children } : {}) };
    }),
  };
}

/** Only questions take choices: a node that ends in an answer has to be made a question first. */
export const acceptsChildren = (node: TreeNode | undefined): node is TreeNode => !!node && !node.leaf;

export function insertChild(body: TreeBody, parentId: string, index: number, node: TreeNode): TreeBody {
  const parent = findNode(body, parentId);
  if (!acceptsChildren(parent) || findNode(body, node.id)) return body;
  const children = [...(parent.children ?? [])];
  children.splice(Math.max(0, Math.min(index, children.length)), 0, node.id);
  return {
    ...body,
    nodes: [...body.nodes.map((n) => (n.id === parentId ? { ...n, children } : n)), node],
  };
}

export function addChild(body: TreeBody, parentId: string, node: TreeNode): TreeBody {
  return insertChild(body, parentId, Number.POSITIVE_INFINITY, node);
}

/** A new choice right after `id` under the same question; the start has no siblings. */
export function addSibling(body: TreeBody, id: string, node: TreeNode): TreeBody {
  const parent = parentOf(body, id);
  if (!parent || id === body.root) return body;
  return insertChild(body, parent.id, (parent.children ?? []).indexOf(id) + 1, node);
}

/** Can `id` move under `parentId`? Not the start, not into itself or its own subtree, not under an answer. */
export function canMove(body: TreeBody, id: string, parentId: string): boolean {
  if (id === body.root || !findNode(body, id)) return false;
  if (!acceptsChildren(findNode(body, parentId))) return false;
  return !reachable(body, id).has(parentId);
}

/**
 * Moves `id` (with its subtree) to be choice number `index` of `parentId`, counted among the other choices
 * (without `id` itself). The node leaves every question that listed it, so it sits in one place afterwards.
 */
export function moveNode(body: TreeBody, id: string, parentId: string, index: number): TreeBody {
  if (!canMove(body, id, parentId)) return body;
  const current = findNode(body, parentId)?.children ?? [];
  const others = current.filter((c) => c !== id);
  const at = Math.max(0, Math.min(index, others.length));
  if (current.indexOf(id) === at && body.nodes.filter((n) => n.children?.includes(id)).length === 1)
    return body;
  const children = [...others.slice(0, at), id, ...others.slice(at)];
  return {
    ...body,
    nodes: body.nodes.map((n) => (n.id === parentId ? { ...n, children } : withoutChild(n, id))),
  };
}

/** One step up (-1) or down (+1) among the choices of the same question. */
export function moveBy(body: TreeBody, id: string, delta: -1 | 1): TreeBody {
  const parent = parentOf(body, id);
  if (!parent) return body;
  const index = (parent.children ?? []).indexOf(id) + delta;
  if (index < 0 || index >= (parent.children ?? []).length) return body;
  return moveNode(body, id, parent.id, index);
}

export type NodePatch = { [K in Exclude<keyof TreeNode, 'id'>]?: TreeNode[K] | undefined };

/** Sets the given properties; a property given as undefined is removed (an empty explanation, a leaf). */
export function updateNode(body: TreeBody, id: string, patch: NodePatch): TreeBody {
  const node = findNode(body, id);
  if (!node) return body;
  const next: Record<string, unknown> = { ...node };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  const updated = next as TreeNode;
  if (JSON.stringify(updated) === JSON.stringify(node)) return body;
  return { ...body, nodes: body.nodes.map((n) => (n.id === id ? updated : n)) };
}

/** Questions `id` may move under, in tree order, for «Переместить в…». */
export function moveTargets(body: TreeBody, id: string): TreeNode[] {
  if (id === body.root) return [];
  const below = reachable(body, id);
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  return preorder(body).flatMap((n) => {
    const node = byId.get(n);
    return acceptsChildren(node) && !below.has(n) ? [node] : [];
  });
}

/** Node ids from the start down, choices in their order; each node once. */
export function preorder(body: TreeBody): string[] {
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (id: string) => {
    if (seen.has(id) || !byId.has(id)) return;
    seen.add(id);
    out.push(id);
    for (const child of byId.get(id)?.children ?? []) visit(child);
  };
  visit(body.root);
  return out;
}
