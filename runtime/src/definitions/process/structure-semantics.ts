import type { ProcessNode } from '../../processes/nodes/shapes.js';
import type { ProcessGraph } from './process-graph.js';
import type { ProcessBody } from './schema.js';
import type { Say } from './semantics.js';

/**
 * Ids and references: repeated ids, flows whose ends are missing (or are kept, non-executable elements),
 * parents that are not sub-processes, boundary events attached to nothing or to a non-activity, sub-processes
 * without exactly one plain start.
 */
export function structureProblems(
  body: ProcessBody,
  graph: ProcessGraph,
  name: (n: ProcessNode) => string,
  say: Say,
) {
  const kept = new Map((body.kept ?? []).map((k) => [k.id, k]));
  const keptRu = (id: string) => `${kept.get(id)?.bpmnType ?? ''} «${id}»`;
  const keptEn = (id: string) => `${kept.get(id)?.bpmnType ?? ''} "${id}"`;
  body.nodes.forEach((node, i) => {
    if (graph.index.get(node.id) !== i)
      say(`/nodes/${i}/id`, 'duplicate', `Узел ${name(node)} повторяется`, `Node ${name(node)} repeats`);
    if (node.parent !== undefined) {
      const parent = graph.nodes.get(node.parent);
      if (parent?.type !== 'bpmn.subProcess')
        say(
          `/nodes/${i}/parent`,
          kept.has(node.parent) ? 'kept_connected' : 'parent',
          kept.has(node.parent)
            ? `Узел ${name(node)} лежит внутри неисполняемого элемента ${keptRu(node.parent)}`
            : `Узел ${name(node)} лежит в «${node.parent}», но это не подпроцесс`,
          kept.has(node.parent)
            ? `${name(node)} lies inside the non-executable element ${keptEn(node.parent)}`
            : `${name(node)} lies in "${node.parent}", which is not a sub-process`,
        );
    }
    if (node.type === 'bpmn.boundaryEvent') {
      const host = graph.nodes.get(node.config.attachedTo);
      if (
        !host ||
        (host.type !== 'bpmn.userTask' &&
          host.type !== 'opora.approvalTask' &&
          host.type !== 'bpmn.serviceTask' &&
          host.type !== 'bpmn.subProcess' &&
          host.type !== 'bpmn.callActivity')
      )
        say(
          `/nodes/${i}/config/attachedTo`,
          'boundary',
          host
            ? `Граничное событие ${name(node)} прикреплено к ${name(host)}, а это не действие`
            : `Граничное событие ${name(node)} не прикреплено ни к какому действию («${node.config.attachedTo}»)`,
          host
            ? `Boundary event ${name(node)} is attached to ${name(host)}, which is not an activity`
            : `Boundary event ${name(node)} is attached to no activity ("${node.config.attachedTo}")`,
        );
      if (graph.incoming.get(node.id)?.length)
        say(
          `/nodes/${i}`,
          'boundary_incoming',
          `В граничное событие ${name(node)} входит поток`,
          `A flow enters boundary event ${name(node)}`,
        );
    }
    if (node.type === 'bpmn.subProcess') {
      const starts = graph.starts.get(node.id) ?? [];
      if (starts.length !== 1 || (starts[0]?.config as { trigger?: string } | undefined)?.trigger !== 'none')
        say(
          `/nodes/${i}`,
          'subprocess_start',
          `В подпроцессе ${name(node)} нужно ровно одно простое стартовое событие`,
          `Sub-process ${name(node)} needs exactly one plain start event`,
        );
    }
    if (node.type === 'bpmn.startEvent' && graph.incoming.get(node.id)?.length)
      say(
        `/nodes/${i}`,
        'start_incoming',
        `В стартовое событие ${name(node)} входит поток`,
        `A flow enters start event ${name(node)}`,
      );
  });
  const flowIds = new Set<string>();
  body.flows.forEach((flow, i) => {
    if (flowIds.has(flow.id) || graph.nodes.has(flow.id))
      say(`/flows/${i}/id`, 'duplicate', `Поток ${flow.id} повторяется`, `Flow ${flow.id} repeats`);
    flowIds.add(flow.id);
    for (const end of ['source', 'target'] as const) {
      const id = flow[end];
      if (graph.nodes.has(id)) continue;
      if (kept.has(id))
        say(
          `/flows/${i}/${end}`,
          'kept_connected',
          `Поток ${flow.id} связан с неисполняемым элементом ${keptRu(id)}: удалите элемент или поток`,
          `Flow ${flow.id} connects the non-executable element ${keptEn(id)}: remove the element or the flow`,
        );
      else
        say(
          `/flows/${i}/${end}`,
          'reference',
          `Потоку ${flow.id} не хватает узла «${id}»`,
          `Flow ${flow.id} has no node "${id}"`,
        );
    }
    const source = graph.nodes.get(flow.source);
    const target = graph.nodes.get(flow.target);
    if (source && target && (source.parent ?? '') !== (target.parent ?? ''))
      say(
        `/flows/${i}`,
        'flow_scope',
        `Поток ${flow.id} пересекает границу подпроцесса (${name(source)} → ${name(target)})`,
        `Flow ${flow.id} crosses a sub-process border (${name(source)} → ${name(target)})`,
      );
  });
  for (const [id, element] of kept)
    if (graph.nodes.has(id) || flowIds.has(id))
      say(
        '/kept',
        'duplicate',
        `Элемент ${element.bpmnType} «${id}» повторяется`,
        `Element ${element.bpmnType} "${id}" repeats`,
      );
}
