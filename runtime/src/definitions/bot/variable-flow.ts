import { shapeOf } from '../../bots/blocks/shapes.js';
import { builtInVariables } from '../../bots/variables.js';
import type { BotGraph } from './bot-graph.js';
import type { BotBody } from './schema.js';

/** Variables that hold a value before any block runs: built-ins, declared ones, and event triggers' `event`. */
export function initialVariables(body: BotBody): Set<string> {
  return new Set([...builtInVariables, 'event', ...(body.variables ?? []).map((v) => v.name)]);
}

/**
 * For each block, the variables some path from a trigger may have set on arriving at it (a forward "may" data
 * flow to a fixed point). A variable a block reads that is not among them is used before any block sets it.
 */
export function variablesSetBefore(body: BotBody, graph: BotGraph): Set<string>[] {
  const before = body.blocks.map(() => new Set<string>());
  const reached = new Set<number>();
  const queue: number[] = [];
  const queued = new Set<number>();
  const arrive = (i: number, names: Iterable<string>) => {
    const into = before[i] as Set<string>;
    let grew = !reached.has(i);
    reached.add(i);
    for (const name of names)
      if (!into.has(name)) {
        into.add(name);
        grew = true;
      }
    if (grew && !queued.has(i)) {
      queued.add(i);
      queue.push(i);
    }
  };
  const initial = initialVariables(body);
  for (const trigger of body.triggers) {
    const i = graph.index.get(trigger.next);
    if (i !== undefined)
      arrive(i, trigger.type === 'jump' ? [...initial, ...(trigger.variables ?? [])] : initial);
  }
  while (queue.length) {
    const i = queue.shift() as number;
    queued.delete(i);
    const block = body.blocks[i] as BotBody['blocks'][number];
    const after = [...(before[i] as Set<string>), ...shapeOf(block).sets(block)];
    for (const target of graph.successors[i] as string[]) arrive(graph.index.get(target) as number, after);
  }
  return before;
}
