import { nodeTypeNames, type ProcessBody, type ProcessNode } from '@opora/runtime/definitions';
import type { BpmnFlowNode, LaneFlowNode, ProcessFlowNode } from './canvas-data';
import { figureOf } from './figure-of';
import { laneBox, laneCarries, laneSelection } from './lane-ops';
import type { CanvasFlow } from './ProcessCanvas';
import type { Box } from './process-layout';
import { flowSelection } from './process-ops';
import { bendsOf } from './waypoint-ops';

export interface CanvasInput {
  body: ProcessBody;
  layout: ReadonlyMap<string, Box>;
  lang: 'ru' | 'en';
  /** Problem messages by node id or `flow:<id>`. */
  problems?: ReadonlyMap<string, readonly { message: string }[]>;
  /** The instance view's marks: nodes with a token now, nodes and flows the path went through. */
  trace?: { tokens: ReadonlySet<string>; visited: ReadonlySet<string>; flows: ReadonlySet<string> };
  readOnly?: boolean;
  /** Condition labels on flows, with the word for a default flow. */
  defaultLabel: string;
}

/** Layers: lanes under everything, sub-processes under their children, boundary events over their hosts. */
const layer = (node: ProcessNode) =>
  node.type === 'bpmn.subProcess' ? 0 : node.type === 'bpmn.boundaryEvent' ? 2 : 1;

/** The canvas's nodes and flows for a process body: what both the designer and the instance view draw. */
export function canvasModel(input: CanvasInput): { nodes: ProcessFlowNode[]; flows: CanvasFlow[] } {
  const { body, layout, lang, problems, trace } = input;
  // A lane is dragged by its title strip and resized by its corners; the rest of it lets clicks through.
  const lanes = (body.lanes ?? []).flatMap((lane): LaneFlowNode[] => {
    const box = laneBox(lane);
    if (!box) return [];
    return [
      {
        id: laneSelection(lane.id),
        type: 'lane',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        draggable: !input.readOnly,
        selectable: !input.readOnly,
        connectable: false,
        dragHandle: '.prd-lane-name',
        // The band lets clicks through to the nodes and flows on it and to the canvas under it.
        style: { pointerEvents: 'none' },
        zIndex: -2,
        data: {
          name: lane.name ?? lane.id,
          width: box.width,
          height: box.height,
          carries: input.readOnly ? [] : laneCarries(body, lane.id, layout),
          readOnly: input.readOnly,
        },
      },
    ];
  });
  const seen = new Set<string>();
  const nodes = [...body.nodes]
    .filter((n) => !seen.has(n.id) && seen.add(n.id))
    .sort((a, b) => layer(a) - layer(b))
    .map((node): BpmnFlowNode => {
      const box = layout.get(node.id) ?? { x: 0, y: 0, width: 100, height: 80 };
      return {
        id: node.id,
        type: 'bpmn',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        zIndex: layer(node) - 1,
        draggable: !input.readOnly,
        data: {
          ...figureOf(node),
          typeName: nodeTypeNames[node.type]?.[lang] ?? node.type,
          name: node.name,
          width: box.width,
          height: box.height,
          problems: (problems?.get(node.id) ?? []).map((p) => p.message),
          trace: trace?.tokens.has(node.id) ? 'token' : trace?.visited.has(node.id) ? 'visited' : undefined,
          readOnly: input.readOnly,
        },
      };
    });
  const flows = body.flows.map(
    (f): CanvasFlow => ({
      id: f.id,
      source: f.source,
      target: f.target,
      label: f.name ?? (f.condition ? f.condition : f.isDefault ? input.defaultLabel : undefined),
      isDefault: f.isDefault,
      problem: !!problems?.get(flowSelection(f.id))?.length,
      visited: trace?.flows.has(f.id),
      bends: bendsOf(f),
    }),
  );
  return { nodes: [...lanes, ...nodes], flows };
}
