import type { TreeBody, TreeNode } from '../definitions/tree/schema.js';
import type { Clock, Engine, StepResult } from '../engine.js';

/** How a walk through a question tree ended (so far); `abandoned` is what a walk without one becomes. */
export type WalkOutcome = 'article' | 'answer' | 'contact' | 'helpful' | 'not-helpful';

/** Where a visitor is in a tree: the choices made from the root down, and how the walk ended if it did. */
export interface WalkState {
  path: string[];
  outcome: WalkOutcome | null;
  /** The leaf the outcome belongs to. */
  outcomeNode: string | null;
}

export type WalkEvent =
  | { type: 'choose'; node: string }
  | { type: 'back' }
  | { type: 'restart' }
  /** Jump to a path, e.g. from a shared link; the longest valid beginning of it is taken. */
  | { type: 'goto'; path: string[] }
  /** The visitor said whether the answer at the current leaf helped. */
  | { type: 'rate'; helpful: boolean };

/** What the server records for analytics: nodes seen and outcomes reached. */
export type WalkEffect =
  | { type: 'visited'; node: string; depth: number }
  | { type: 'outcome'; outcome: WalkOutcome; node: string; channel?: string };

/** One step of a walk; `refused` is set when the event made no sense here (a choice not offered, rating without an answer). */
export type WalkStep = StepResult<WalkState, WalkEffect>;

export const startWalk = (): WalkState => ({ path: [], outcome: null, outcomeNode: null });

/** The tree's nodes by id, built once per published version. */
export type NodeIndex = ReadonlyMap<string, TreeNode>;
export const indexNodes = (tree: TreeBody): NodeIndex => new Map(tree.nodes.map((n) => [n.id, n]));

/** A published tree as the walk engine reads it: the body and its nodes by id, prepared once per version. */
export interface WalkTree {
  body: TreeBody;
  nodes: NodeIndex;
}
export const prepareTree = (body: TreeBody): WalkTree => ({ body, nodes: indexNodes(body) });

/** The node a visitor is looking at: the last choice, or the root. */
export const currentNode = (tree: TreeBody, nodes: NodeIndex, state: WalkState): TreeNode =>
  nodes.get(state.path.at(-1) ?? tree.root) ?? (nodes.get(tree.root) as TreeNode);

/** The longest beginning of `path` in which each node is one of the choices of the one before. */
export function validPrefix(tree: TreeBody, nodes: NodeIndex, path: readonly string[]): string[] {
  const valid: string[] = [];
  let at = nodes.get(tree.root);
  for (const id of path) {
    if (!at?.children?.includes(id) || !nodes.has(id)) break;
    valid.push(id);
    at = nodes.get(id);
  }
  return valid;
}

/**
 * One step of a walk: a pure function of the published tree, the state and the event (the engine contract of
 * `engine.ts`). A walk needs no time, so the clock is never read.
 */
export function stepWalk(
  { body: tree, nodes }: WalkTree,
  state: WalkState,
  event: WalkEvent,
  _clock: Clock,
): WalkStep {
  switch (event.type) {
    case 'choose': {
      const here = currentNode(tree, nodes, state);
      if (!here.children?.includes(event.node) || !nodes.has(event.node))
        return { state, effects: [], refused: `"${event.node}" is not a choice at "${here.id}"` };
      return arrive(nodes, state, [...state.path, event.node]);
    }
    case 'goto':
      return arrive(nodes, state, validPrefix(tree, nodes, event.path));
    case 'back':
      return { state: { ...state, path: state.path.slice(0, -1) }, effects: [] };
    case 'restart':
      return { state: { ...state, path: [] }, effects: [] };
    case 'rate': {
      const here = currentNode(tree, nodes, state);
      if (!here.leaf || here.leaf.type === 'contact')
        return { state, effects: [], refused: `"${here.id}" has no answer to rate` };
      const outcome: WalkOutcome = event.helpful ? 'helpful' : 'not-helpful';
      return {
        state: { ...state, outcome, outcomeNode: here.id },
        effects: [{ type: 'outcome', outcome, node: here.id }],
      };
    }
  }
}

/** Moving to a path records the nodes newly seen and, at a leaf, the outcome it stands for. */
function arrive(nodes: NodeIndex, state: WalkState, path: string[]): WalkStep {
  const effects: WalkEffect[] = [];
  path.forEach((node, i) => {
    if (state.path[i] !== node) effects.push({ type: 'visited', node, depth: i + 1 });
  });
  const last = path.at(-1);
  const leaf = last ? nodes.get(last)?.leaf : undefined;
  if (!last || !leaf) return { state: { ...state, path }, effects };
  const outcome: WalkOutcome = leaf.type;
  effects.push({
    type: 'outcome',
    outcome,
    node: last,
    ...(leaf.type === 'contact' ? { channel: leaf.channel } : {}),
  });
  return { state: { path, outcome, outcomeNode: last }, effects };
}

/** The question-tree walk as an engine: the same contract bots and processes follow. */
export const walkEngine = {
  start: () => startWalk(),
  step: stepWalk,
} satisfies Engine<WalkTree, WalkState, WalkEvent, WalkEffect>;
