import { checkExpression, ExpressionError, expressionMessage } from '../../forms/expressions/index.js';
import { nodeShapeOf, type ProcessNode } from '../../processes/nodes/shapes.js';
import { type Locale, type Problem, pick } from '../kinds.js';
import { gatewayProblems } from './gateway-semantics.js';
import { nodeName } from './node-names.js';
import { type ProcessGraph, processGraph, reachableNodes } from './process-graph.js';
import type { ProcessBody } from './schema.js';
import { structureProblems } from './structure-semantics.js';

export type Say = (pointer: string, code: string, ru: string, en: string) => void;

/**
 * What makes a process unpublishable, each problem naming its node: repeated ids, flows to missing nodes, no
 * start, dead ends, unreachable nodes, boundary events on nothing, gateways whose flows cannot be chosen, a
 * parallel split joined by an exclusive gateway, timers without a duration, expressions that do not parse, and
 * kept (non-executable) BPMN elements connected to the graph.
 */
export function processProblems(body: ProcessBody, locale: Locale): Problem[] {
  const problems: Problem[] = [];
  const say: Say = (pointer, code, ru, en) => problems.push({ pointer, code, message: pick(locale, ru, en) });
  const graph = processGraph(body);
  const name = (node: ProcessNode) => nodeName(node, locale);
  structureProblems(body, graph, name, say);
  body.nodes.forEach((node, i) => {
    if (graph.index.get(node.id) !== i) return;
    for (const p of nodeShapeOf(node).problems?.(node) ?? [])
      say(`/nodes/${i}${p.pointer}`, p.code, `${name(node)}: ${p.ru}`, `${name(node)}: ${p.en}`);
  });
  gatewayProblems(body, graph, name, say);
  graphProblems(body, graph, name, say);
  expressionProblems(body, graph, name, locale, say);
  return problems;
}

/** No start, dead ends, unreachable nodes. */
function graphProblems(body: ProcessBody, graph: ProcessGraph, name: (n: ProcessNode) => string, say: Say) {
  if (!graph.starts.get('')?.length)
    say('/nodes', 'start', 'В процессе нет стартового события', 'The process has no start event');
  const reachable = reachableNodes(graph);
  body.nodes.forEach((node, i) => {
    if (graph.index.get(node.id) !== i) return;
    if (
      node.type !== 'bpmn.endEvent' &&
      node.type !== 'bpmn.subProcess' &&
      !graph.outgoing.get(node.id)?.length
    )
      say(
        `/nodes/${i}`,
        'dead_end',
        `Из узла ${name(node)} не выходит ни одного потока: токен застрянет`,
        `No flow leaves ${name(node)}: a token would get stuck there`,
      );
    if (node.type === 'bpmn.subProcess' && !graph.outgoing.get(node.id)?.length)
      say(
        `/nodes/${i}`,
        'dead_end',
        `Из подпроцесса ${name(node)} не выходит ни одного потока`,
        `No flow leaves ${name(node)}`,
      );
    if (graph.starts.get('')?.length && !reachable.has(node.id))
      say(
        `/nodes/${i}`,
        'unreachable',
        `До узла ${name(node)} не доходит ни один путь от старта`,
        `No path from a start reaches ${name(node)}`,
      );
  });
}

/** Every expression (nodes' and flows' conditions) must parse; variables are free (tasks' forms set them). */
function expressionProblems(
  body: ProcessBody,
  graph: ProcessGraph,
  name: (n: ProcessNode) => string,
  locale: Locale,
  say: Say,
) {
  const anyName: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;
  const check = (pointer: string, expression: string, who: string) => {
    try {
      checkExpression(expression, anyName);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const why = expressionMessage(error, locale);
      say(pointer, `expression_${error.code}`, `${who}: ${why}`, `${who}: ${why}`);
    }
  };
  body.nodes.forEach((node, i) => {
    if (graph.index.get(node.id) !== i) return;
    for (const read of nodeShapeOf(node).reads(node))
      check(`/nodes/${i}${read.pointer}`, read.expression, name(node));
  });
  body.flows.forEach((flow, i) => {
    if (flow.condition)
      check(`/flows/${i}/condition`, flow.condition, pick(locale, `Поток ${flow.id}`, `Flow ${flow.id}`));
  });
}
