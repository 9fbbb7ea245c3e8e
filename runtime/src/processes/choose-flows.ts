import type { ProcessFlow, ProcessNode } from '../definitions/process/schema.js';
import { truthy, type Value } from '../forms/expressions/index.js';
import type { Token } from './instance.js';
import { evaluateFor, type Walk } from './walk.js';

/** Nodes that take the first flow whose condition holds (BPMN's exclusive gateway; an approval's outcomes). */
const firstTrue = new Set(['bpmn.exclusiveGateway', 'opora.approvalTask']);

/**
 * The flows a token leaves a node by, BPMN's way: a parallel gateway takes all; an exclusive gateway (and an
 * approval) the first whose condition holds in flow order, else the default; anything else (an inclusive
 * gateway, an activity, an event) every flow without a condition or whose condition holds, else the default.
 * `null` when none can be taken (an incident); `[]` when the node has no flows at all.
 */
export function chooseFlows(
  walk: Walk,
  token: Token,
  node: ProcessNode,
  extra?: Record<string, Value>,
): ProcessFlow[] | null {
  const out = walk.process.outgoing.get(node.id) ?? [];
  if (!out.length) return [];
  if (node.type === 'bpmn.parallelGateway') return out;
  const holds = (f: ProcessFlow) => !f.condition || truthy(evaluateFor(walk, token, f.condition, extra));
  const candidates = out.filter((f) => !f.isDefault);
  const fallback = out.find((f) => f.isDefault);
  if (firstTrue.has(node.type)) {
    const first = candidates.find(holds);
    return first ? [first] : fallback ? [fallback] : null;
  }
  const taken = candidates.filter(holds);
  return taken.length ? taken : fallback ? [fallback] : null;
}
