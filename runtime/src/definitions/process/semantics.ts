import { type Locale, type Problem, pick } from '../kinds.js';
import type { ProcessBody } from './schema.js';

/** A process has exactly one start, unique node ids, and edges between existing nodes. */
export function processProblems(body: ProcessBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  body.nodes.forEach((node, i) => {
    if (ids.has(node.id))
      problems.push({
        pointer: `/nodes/${i}/id`,
        code: 'duplicate',
        message: pick(locale, `Узел «${node.id}» повторяется`, `Node "${node.id}" repeats`),
      });
    ids.add(node.id);
  });
  const starts = body.nodes.filter((n) => n.type === 'bpm.start').length;
  if (starts !== 1)
    problems.push({
      pointer: '/nodes',
      code: 'start',
      message: pick(
        locale,
        `Нужен ровно один старт, найдено: ${starts}`,
        `Exactly one start node is needed, found ${starts}`,
      ),
    });
  body.edges.forEach((edge, i) => {
    for (const end of ['from', 'to'] as const)
      if (!ids.has(edge[end]))
        problems.push({
          pointer: `/edges/${i}/${end}`,
          code: 'reference',
          message: pick(locale, `Нет узла «${edge[end]}»`, `No node "${edge[end]}"`),
        });
  });
  return problems;
}
