import { type Locale, type Problem, pick } from '../kinds.js';
import { recommendedTreeDepth, type TreeBody, type TreeNode } from './schema.js';

const named = (node: TreeNode) => `«${node.title.ru}» (${node.id})`;
const namedEn = (node: TreeNode) => `"${node.title.en || node.title.ru}" (${node.id})`;

/**
 * What makes a tree unpublishable, each problem naming its node: repeated ids, links to missing nodes, cycles,
 * nodes that are neither a question nor an answer (or both), nodes nobody can reach, forms without a form.
 */
export function treeProblems(body: TreeBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const say = (pointer: string, code: string, ru: string, en: string) =>
    problems.push({ pointer, code, message: pick(locale, ru, en) });
  const index = new Map<string, number>();
  body.nodes.forEach((node, i) => {
    if (index.has(node.id))
      say(`/nodes/${i}/id`, 'duplicate', `Узел ${named(node)} повторяется`, `Node ${namedEn(node)} repeats`);
    else index.set(node.id, i);
  });
  body.nodes.forEach((node, i) => {
    const children = node.children ?? [];
    if (children.length && node.leaf)
      say(
        `/nodes/${i}`,
        'leaf_and_children',
        `У узла ${named(node)} есть и варианты, и ответ: оставьте что-то одно`,
        `Node ${namedEn(node)} has both choices and an answer: keep one`,
      );
    if (!children.length && !node.leaf)
      say(
        `/nodes/${i}`,
        'dangling',
        `Узел ${named(node)} никуда не ведёт: добавьте варианты или укажите, чем он заканчивается`,
        `Node ${namedEn(node)} leads nowhere: add choices or say where it ends`,
      );
    if (node.leaf?.type === 'contact' && node.leaf.channel === 'form' && !node.leaf.form)
      say(
        `/nodes/${i}/leaf/form`,
        'required',
        `В узле ${named(node)} не выбрана форма обратной связи`,
        `Node ${namedEn(node)} has no feedback form chosen`,
      );
    const seen = new Set<string>();
    children.forEach((child, c) => {
      if (!index.has(child))
        say(
          `/nodes/${i}/children/${c}`,
          'reference',
          `Узел ${named(node)} ссылается на несуществующий узел «${child}»`,
          `Node ${namedEn(node)} links to a missing node "${child}"`,
        );
      if (seen.has(child))
        say(
          `/nodes/${i}/children/${c}`,
          'duplicate',
          `Узел «${child}» дважды среди вариантов ${named(node)}`,
          `Node "${child}" appears twice among the choices of ${namedEn(node)}`,
        );
      seen.add(child);
    });
  });
  const root = index.get(body.root);
  if (root === undefined) {
    say(
      '/root',
      'reference',
      `Нет узла «${body.root}», с которого начинается дерево`,
      `No root node "${body.root}"`,
    );
    return problems;
  }
  problems.push(...cycleProblems(body, index, locale));
  const reachable = reachableFrom(body, index);
  body.nodes.forEach((node, i) => {
    if (!reachable.has(node.id) && index.get(node.id) === i)
      say(
        `/nodes/${i}`,
        'unreachable',
        `До узла ${named(node)} нельзя дойти от начала дерева`,
        `Node ${namedEn(node)} cannot be reached from the start`,
      );
  });
  return problems;
}

/** One problem per cycle found, at the link that closes it, naming the node it returns to. */
function cycleProblems(body: TreeBody, index: Map<string, number>, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    const i = index.get(id)!;
    const node = body.nodes[i]!;
    (node.children ?? []).forEach((child, c) => {
      if (!index.has(child)) return;
      const target = body.nodes[index.get(child)!]!;
      if (state.get(child) === 'open')
        problems.push({
          pointer: `/nodes/${i}/children/${c}`,
          code: 'cycle',
          message: pick(
            locale,
            `Цикл: из узла ${named(node)} путь возвращается к ${named(target)}`,
            `Cycle: node ${namedEn(node)} leads back to ${namedEn(target)}`,
          ),
        });
      else if (!state.has(child)) visit(child);
    });
    state.set(id, 'done');
  };
  visit(body.root);
  for (const node of body.nodes) if (!state.has(node.id)) visit(node.id);
  return problems;
}

function reachableFrom(body: TreeBody, index: Map<string, number>): Set<string> {
  const reached = new Set<string>();
  const queue = [body.root];
  while (queue.length) {
    const id = queue.shift()!;
    if (reached.has(id) || !index.has(id)) continue;
    reached.add(id);
    queue.push(...(body.nodes[index.get(id)!]!.children ?? []));
  }
  return reached;
}

/** Depth of every reachable node (the root's choices are level 1), following the shortest way down. */
export function treeDepths(body: TreeBody): Map<string, number> {
  const byId = new Map(body.nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>([[body.root, 0]]);
  const queue = [body.root];
  while (queue.length) {
    const id = queue.shift()!;
    for (const child of byId.get(id)?.children ?? [])
      if (!depth.has(child) && byId.has(child)) {
        depth.set(child, depth.get(id)! + 1);
        queue.push(child);
      }
  }
  return depth;
}

/** Nodes deeper than recommended: not an error, but the designer says people rarely get that far. */
export function deepTreeNodes(body: TreeBody): string[] {
  return [...treeDepths(body)].filter(([, d]) => d > recommendedTreeDepth).map(([id]) => id);
}
