import type { ProcessBody, ProcessFlow, ProcessNode } from './schema.js';

/** The graph of a process as the checks and the engine walk it: nodes by id, flows in and out in flow order. */
export interface ProcessGraph {
  nodes: Map<string, ProcessNode>;
  /** The first index of each node id (a repeated id keeps its first). */
  index: Map<string, number>;
  outgoing: Map<string, ProcessFlow[]>;
  incoming: Map<string, ProcessFlow[]>;
  /** Boundary events by the activity they are attached to. */
  boundaries: Map<string, ProcessNode[]>;
  /** The start events of each scope: '' for the top level, a sub-process id for its children. */
  starts: Map<string, ProcessNode[]>;
}

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function processGraph(body: Pick<ProcessBody, 'nodes' | 'flows'>): ProcessGraph {
  const graph: ProcessGraph = {
    nodes: new Map(),
    index: new Map(),
    outgoing: new Map(),
    incoming: new Map(),
    boundaries: new Map(),
    starts: new Map(),
  };
  body.nodes.forEach((node, i) => {
    if (graph.index.has(node.id)) return;
    graph.index.set(node.id, i);
    graph.nodes.set(node.id, node);
    if (node.type === 'bpmn.boundaryEvent') push(graph.boundaries, node.config.attachedTo, node);
    if (node.type === 'bpmn.startEvent') push(graph.starts, node.parent ?? '', node);
  });
  for (const flow of body.flows) {
    push(graph.outgoing, flow.source, flow);
    push(graph.incoming, flow.target, flow);
  }
  return graph;
}

/**
 * Nodes a token can reach: from the top-level starts along flows, into a reached sub-process's starts, and onto
 * the boundary events of reached activities.
 */
export function reachableNodes(graph: ProcessGraph): Set<string> {
  const seen = new Set<string>();
  const queue = (graph.starts.get('') ?? []).map((n) => n.id);
  while (queue.length) {
    const id = queue.pop() as string;
    if (seen.has(id) || !graph.nodes.has(id)) continue;
    seen.add(id);
    for (const flow of graph.outgoing.get(id) ?? []) queue.push(flow.target);
    for (const b of graph.boundaries.get(id) ?? []) queue.push(b.id);
    for (const s of graph.starts.get(id) ?? []) queue.push(s.id);
  }
  return seen;
}

/**
 * For each node, the nodes a token there could still reach along flows (boundary events included), within its
 * scope: what an inclusive join asks to know whether a branch may still arrive.
 */
export function forwardReach(graph: ProcessGraph): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const id of graph.nodes.keys()) {
    const seen = new Set<string>();
    const queue = [id];
    while (queue.length) {
      const at = queue.pop() as string;
      for (const next of [
        ...(graph.outgoing.get(at) ?? []).map((f) => f.target),
        ...(graph.boundaries.get(at) ?? []).map((b) => b.id),
      ])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    }
    reach.set(id, seen);
  }
  return reach;
}
