import type { ProcessNode } from '../../processes/nodes/shapes.js';
import type { ProcessGraph } from './process-graph.js';
import type { ProcessBody } from './schema.js';
import type { Say } from './semantics.js';

/** Nodes whose outgoing flows are chosen by conditions (a default flow catching the rest). */
const choosing = new Set(['bpmn.exclusiveGateway', 'bpmn.inclusiveGateway', 'opora.approvalTask']);

/**
 * Gateways: a choosing node with several flows needs a condition on each but the default (and one default at
 * most); an event-based gateway leads only to catch events; a parallel split must not be joined by an exclusive
 * gateway (the second branch would pass it again, running everything after twice).
 */
export function gatewayProblems(
  body: ProcessBody,
  graph: ProcessGraph,
  name: (n: ProcessNode) => string,
  say: Say,
) {
  body.nodes.forEach((node, i) => {
    if (graph.index.get(node.id) !== i) return;
    const out = graph.outgoing.get(node.id) ?? [];
    if (choosing.has(node.type) && out.length > 1) {
      const defaults = out.filter((f) => f.isDefault);
      const bare = out.filter((f) => !f.isDefault && !f.condition);
      if (defaults.length > 1)
        say(
          `/nodes/${i}`,
          'defaults',
          `У ${name(node)} больше одного потока по умолчанию`,
          `${name(node)} has more than one default flow`,
        );
      if (bare.length)
        say(
          `/nodes/${i}`,
          'conditions',
          `У ${name(node)} потоки без условия и не по умолчанию: ${bare.map((f) => f.id).join(', ')}`,
          `${name(node)} has flows with no condition that are not the default: ${bare.map((f) => f.id).join(', ')}`,
        );
    }
    if (node.type === 'bpmn.eventBasedGateway')
      for (const flow of out) {
        const target = graph.nodes.get(flow.target);
        if (target && target.type !== 'bpmn.intermediateCatchEvent')
          say(
            `/nodes/${i}`,
            'event_gateway_target',
            `Шлюз по событию ${name(node)} ведёт в ${name(target)}, а не в ожидание события`,
            `Event-based gateway ${name(node)} leads to ${name(target)}, not to a catch event`,
          );
      }
    if (node.type === 'bpmn.parallelGateway' && out.length > 1) {
      const join = exclusiveJoinOf(
        graph,
        out.map((f) => f.target),
      );
      if (join)
        say(
          `/nodes/${i}`,
          'parallel_exclusive_join',
          `Ветви параллельного шлюза ${name(node)} сходятся в исключающем шлюзе ${name(join)}: нужен параллельный`,
          `The branches of parallel gateway ${name(node)} meet at exclusive gateway ${name(join)}: use a parallel one`,
        );
    }
  });
}

/**
 * The first exclusive gateway two branches of a split reach before any synchronising join (a parallel or
 * inclusive gateway with several incoming flows).
 */
function exclusiveJoinOf(graph: ProcessGraph, branches: string[]): ProcessNode | undefined {
  const seenBy = new Map<string, Set<number>>();
  branches.forEach((start, branch) => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length) {
      const id = queue.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = graph.nodes.get(id);
      if (!node) continue;
      const incoming = graph.incoming.get(id)?.length ?? 0;
      if ((node.type === 'bpmn.parallelGateway' || node.type === 'bpmn.inclusiveGateway') && incoming > 1)
        continue;
      if (node.type === 'bpmn.exclusiveGateway' && incoming > 1) {
        const set = seenBy.get(id) ?? new Set<number>();
        set.add(branch);
        seenBy.set(id, set);
      }
      for (const flow of graph.outgoing.get(id) ?? []) queue.push(flow.target);
    }
  });
  for (const [id, set] of seenBy) if (set.size > 1) return graph.nodes.get(id);
  return undefined;
}
