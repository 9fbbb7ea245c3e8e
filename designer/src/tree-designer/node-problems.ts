import type { Problem, TreeBody } from '@opora/runtime/definitions';
import { sameJson } from '../state/same-json';

/** A problem of the tree, tied to the node it is about when its pointer leads into one. */
export interface NodeProblem {
  pointer: string | null;
  message: string;
  source: 'local' | 'server';
  /** Id of the node at fault, or null for the tree as a whole. */
  node: string | null;
  /** What kind of fix the message asks for, when the designer has a plainer way to say it. */
  hint?: 'title' | 'article' | 'answerText' | 'explanation' | 'url';
}

const nodePointer = /^(?:\/body)?\/nodes\/(\d+)(\/.*)?$/;

/** The node a pointer like `/nodes/3/leaf/article` (or the server's `/body/nodes/3/...`) is about. */
export function nodeAt(body: TreeBody, pointer: string | null): string | null {
  if (pointer === null) return null;
  const match = nodePointer.exec(pointer);
  if (match) return body.nodes[Number(match[1])]?.id ?? null;
  return pointer.replace(/^\/body/, '') === '/root' ? body.root : null;
}

/** Schema messages are technical ("must match pattern"); these parts of a node get a plain request instead. */
function hintFor(problem: Problem): NodeProblem['hint'] {
  const rest = nodePointer.exec(problem.pointer)?.[2] ?? '';
  if (rest === '/title/ru') return 'title';
  if (rest === '/text/ru') return 'explanation';
  if (rest === '/leaf/article') return 'article';
  if (rest === '/leaf/text/ru') return 'answerText';
  if (rest === '/leaf/url') return 'url';
  return undefined;
}

/**
 * The server's problems (from the last save or publish) and the designer's live ones (from the shared
 * validator), each tied to its node. `serverBody` is the body the server judged: its pointers count nodes in
 * it, and a server problem about a node changed since is dropped (the live check or the next publish judges
 * it again), so a fixed node stops being marked at once.
 */
export function nodeProblems(
  body: TreeBody,
  local: readonly Problem[],
  server: readonly { pointer: string | null; message: string }[],
  serverBody: TreeBody = body,
): NodeProblem[] {
  const index = new Map(body.nodes.map((n, i) => [n.id, i]));
  const remote: NodeProblem[] = server.flatMap((p) => {
    const pointer = p.pointer === null ? null : p.pointer.replace(/^\/body(?=\/|$)/, '');
    const match = pointer === null ? null : nodePointer.exec(pointer);
    if (!match)
      return [{ pointer, message: p.message, source: 'server' as const, node: nodeAt(body, pointer) }];
    const then = serverBody.nodes[Number(match[1])];
    const at = then ? index.get(then.id) : undefined;
    if (!then || at === undefined || !sameJson(then, body.nodes[at])) return [];
    return [
      {
        pointer: `/nodes/${at}${match[2] ?? ''}`,
        message: p.message,
        source: 'server' as const,
        node: then.id,
      },
    ];
  });
  // What the server refused is shown as such; the same problem from the live check is not listed twice.
  const seen = new Set(remote.map((p) => `${p.pointer}|${p.message}`));
  const live: NodeProblem[] = local
    .filter((p) => !seen.has(`${p.pointer}|${p.message}`))
    .map((p) => ({
      pointer: p.pointer,
      message: p.message,
      source: 'local',
      node: nodeAt(body, p.pointer),
      hint: hintFor(p),
    }));
  return [...remote, ...live];
}

/** Node id → its problems, for marking cards. */
export function problemsByNode(problems: readonly NodeProblem[]): Map<string, NodeProblem[]> {
  const result = new Map<string, NodeProblem[]>();
  for (const p of problems) if (p.node) result.set(p.node, [...(result.get(p.node) ?? []), p]);
  return result;
}
