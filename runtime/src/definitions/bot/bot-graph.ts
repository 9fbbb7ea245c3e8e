import { shapeOf } from '../../bots/blocks/shapes.js';
import type { BotBody } from './schema.js';

/** The blocks of a bot by id (the first of repeated ids) and each block's exits that point to a known block. */
export interface BotGraph {
  index: Map<string, number>;
  successors: string[][];
}

export function botGraph(body: BotBody): BotGraph {
  const index = new Map<string, number>();
  body.blocks.forEach((block, i) => {
    if (!index.has(block.id)) index.set(block.id, i);
  });
  const successors = body.blocks.map((block) =>
    Object.values(block.exits).filter((target) => index.has(target)),
  );
  return { index, successors };
}

/** The blocks reachable from the triggers. */
export function reachableBlocks(body: BotBody, graph: BotGraph): Set<string> {
  const reached = new Set<string>();
  const queue = body.triggers.map((t) => t.next);
  while (queue.length) {
    const id = queue.pop() as string;
    const i = graph.index.get(id);
    if (i === undefined || reached.has(id)) continue;
    reached.add(id);
    queue.push(...(graph.successors[i] as string[]));
  }
  return reached;
}

/**
 * Loops a turn could run forever: strongly connected groups of blocks that never wait (Tarjan's algorithm over
 * the non-waiting blocks only). Each loop is answered as the block indexes on it.
 */
export function loopsWithoutWaiting(body: BotBody, graph: BotGraph): number[][] {
  const waits = body.blocks.map((block) => shapeOf(block).waits);
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const loops: number[][] = [];
  let counter = 0;
  const edges = (i: number) =>
    (graph.successors[i] as string[]).map((id) => graph.index.get(id) as number).filter((j) => !waits[j]);
  // Iterative, so a long chain of blocks cannot overflow the stack.
  for (let root = 0; root < body.blocks.length; root++) {
    if (waits[root] || order.has(root) || graph.index.get(body.blocks[root]!.id) !== root) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const to = out[frame.next++]!;
        if (!order.has(to)) {
          order.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, order.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== order.get(frame.node)) continue;
      const group: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== frame.node);
      const selfLoop = group.length === 1 && out.includes(frame.node);
      if (group.length > 1 || selfLoop) loops.push(group.sort((a, b) => a - b));
    }
  }
  return loops;
}

/**
 * Blocks reachable from `start` without passing a block that waits (the start block included, if it does not
 * wait): what one turn can run through.
 */
export function reachableWithoutWaiting(body: BotBody, graph: BotGraph, start: string): Set<number> {
  const seen = new Set<number>();
  const queue = [start];
  while (queue.length) {
    const i = graph.index.get(queue.pop() as string);
    if (i === undefined || seen.has(i)) continue;
    seen.add(i);
    if (shapeOf(body.blocks[i]!).waits) continue;
    queue.push(...(graph.successors[i] as string[]));
  }
  return seen;
}
