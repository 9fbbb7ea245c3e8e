import type { TreeBody, TreeNode } from '@opora/runtime/definitions';

const q = (id: string, children: string[]): TreeNode => ({ id, title: { ru: id.toUpperCase() }, children });
const a = (id: string): TreeNode => ({
  id,
  title: { ru: id.toUpperCase() },
  leaf: { type: 'answer', text: { ru: id } },
});

/**
 * start ─┬─ login ─┬─ pwd (answer)
 *        │         └─ blocked (answer)
 *        ├─ pay ──── refund (answer)
 *        └─ other (answer)
 */
export const sampleTree = (): TreeBody => ({
  schemaVersion: 2,
  title: { ru: 'Помощь' },
  root: 'start',
  nodes: [
    q('start', ['login', 'pay', 'other']),
    q('login', ['pwd', 'blocked']),
    a('pwd'),
    a('blocked'),
    q('pay', ['refund']),
    a('refund'),
    a('other'),
  ],
});

export const childrenOf = (body: TreeBody, id: string): string[] =>
  body.nodes.find((n) => n.id === id)?.children ?? [];
