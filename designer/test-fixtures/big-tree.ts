import type { TreeBody, TreeNode } from '@opora/runtime/definitions';

/**
 * A generated wide tree of `size` nodes for layout tests: the start with 10 topics, each with 5 questions, each
 * with answers, until the size is reached (300 by default, like a real support desk's tree grown for years).
 */
export function bigTree(size = 300): TreeBody {
  const nodes: TreeNode[] = [{ id: 'start', title: { ru: 'Начало' }, children: [] }];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const add = (parent: string, id: string, leaf: boolean) => {
    const node: TreeNode = leaf
      ? { id, title: { ru: `Ответ ${id}` }, leaf: { type: 'answer', text: { ru: 'Текст' } } }
      : { id, title: { ru: `Вопрос ${id}` }, children: [] };
    nodes.push(node);
    byId.set(id, node);
    byId.get(parent)?.children?.push(id);
  };
  for (let t = 0; t < 10; t++) add('start', `t${t}`, false);
  for (let t = 0; t < 10; t++) for (let q = 0; q < 5; q++) add(`t${t}`, `t${t}q${q}`, false);
  for (let k = 0; nodes.length < size; k++) add(`t${k % 10}q${Math.floor(k / 10) % 5}`, `a${k}`, true);
  return { schemaVersion: 2, title: { ru: 'Большое дерево' }, root: 'start', nodes };
}
