import { type Locale, type Problem, pick } from './kinds.js';
import type { TreeBody, TreeNode } from './other-kinds-schemas.js';

/** Node ids are unique; a node is a branch (children) or a leaf, not both, and not neither. */
export function treeProblems(body: TreeBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const visit = (node: TreeNode, at: string) => {
    if (ids.has(node.id))
      problems.push({
        pointer: `${at}/id`,
        code: 'duplicate',
        message: pick(locale, `Узел «${node.id}» повторяется`, `Node "${node.id}" repeats`),
      });
    ids.add(node.id);
    const children = (node.children ?? []) as TreeNode[];
    if (at !== '/root' && !children.length && !node.leaf)
      problems.push({
        pointer: at,
        code: 'dangling',
        message: pick(
          locale,
          'У узла нет ни вариантов, ни ответа',
          'The node has neither children nor an answer',
        ),
      });
    for (const [i, child] of children.entries()) visit(child, `${at}/children/${i}`);
  };
  visit(body.root as TreeNode, '/root');
  return problems;
}
