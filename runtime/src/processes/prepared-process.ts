import { type ProcessGraph, processGraph } from '../definitions/process/process-graph.js';
import type { ProcessBody, ProcessFlow, ProcessNode } from '../definitions/process/schema.js';

/** A published process as the engine runs it: the body with its graph indexed once per version. */
export interface PreparedProcess extends ProcessGraph {
  key: string;
  version: number;
  body: ProcessBody;
  flows: Map<string, ProcessFlow>;
  /** Whether a token at `from` can still reach `to` (memoized): an inclusive join's question. */
  canReach(from: string, to: string): boolean;
  node(id: string): ProcessNode | undefined;
}

export function prepareProcess(body: ProcessBody, id: { key: string; version: number }): PreparedProcess {
  const graph = processGraph(body);
  const reach = new Map<string, Set<string>>();
  const reachFrom = (from: string) => {
    let seen = reach.get(from);
    if (seen) return seen;
    seen = new Set<string>();
    const queue = [from];
    while (queue.length) {
      const at = queue.pop() as string;
      const next = [
        ...(graph.outgoing.get(at) ?? []).map((f) => f.target),
        ...(graph.boundaries.get(at) ?? []).map((b) => b.id),
      ];
      for (const n of next)
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    }
    reach.set(from, seen);
    return seen;
  };
  return {
    ...graph,
    key: id.key,
    version: id.version,
    body,
    flows: new Map(body.flows.map((f) => [f.id, f])),
    canReach: (from, to) => reachFrom(from).has(to),
    node: (nodeId) => graph.nodes.get(nodeId),
  };
}
