import type { NodeType } from '@opora/runtime/processes';
import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type EdgeChange,
  MarkerType,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type DragEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useFlowLabels } from '../tree-designer/flow-labels';
import { BendEdge, type BendFlowEdge } from './BendEdge';
import { BpmnNodeCard, LaneCard } from './BpmnNodeCard';
import { type CanvasActions, CanvasActionsContext } from './canvas-actions';
import type { ProcessFlowNode } from './canvas-data';
import { laneIdOf } from './lane-ops';
import { paletteDragType } from './Palette';
import { flowIdOf, flowSelection } from './process-ops';
import { selectionIds, selectionOf, toggleSelected } from './selection';
import type { Point } from './waypoint-ops';

/** Built once: a new object on every render would remount every card. */
const nodeTypes = { bpmn: BpmnNodeCard, lane: LaneCard };
const edgeTypes = { bend: BendEdge };
const noActions: CanvasActions = {};
const proOptions = { hideAttribution: true };
const fitOptions = { padding: 0.2, maxZoom: 1.2 };

/** A sequence flow as the canvas draws it. */
export interface CanvasFlow {
  id: string;
  source: string;
  target: string;
  label?: string;
  isDefault?: boolean;
  problem?: boolean;
  visited?: boolean;
  /** The bend points between its ends (see `waypoint-ops.ts`). */
  bends?: Point[];
}

/**
 * The process on a React Flow canvas. Nodes and flows come from the designer; the canvas reports clicks (Shift+click
 * adds to the selection, Shift+drag draws a selection box), drags (of nodes, a selection, a lane), new connections
 * (from a node's right handle to another node), palette items dropped on it and bend-point gestures, and edits
 * nothing itself. Read-only (the instance view), it only reports clicks.
 */
export function ProcessCanvas({
  nodes: base,
  flows,
  selected,
  readOnly = false,
  onSelect,
  onMove,
  onMoveLane,
  onConnect,
  onDropType,
  onAddBend,
  actions = noActions,
}: {
  nodes: ProcessFlowNode[];
  flows: CanvasFlow[];
  /** One canvas id, or several joined by spaces (`selection.ts`). */
  selected: string | null;
  readOnly?: boolean;
  onSelect: (selection: string | null) => void;
  /** Nodes dropped after a drag: one, or a whole selection (one undo step). */
  onMove?: (moves: Map<string, Point>) => void;
  onMoveLane?: (laneId: string, to: Point) => void;
  onConnect?: (source: string, target: string) => void;
  onDropType?: (type: NodeType, position: Point) => void;
  onAddBend?: (flowId: string, at: Point) => void;
  actions?: CanvasActions;
}) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const { ariaLabelConfig, edgeLabel, nodeAttributes, edgeAttributes } = useFlowLabels();
  const chosen = useMemo(() => new Set(selectionIds(selected)), [selected]);
  const baseEdges = useMemo<BendFlowEdge[]>(() => {
    const names = new Map(base.map((n) => [n.id, (n.data.name as string | undefined) || n.id]));
    return flows.map((f) => ({
      id: flowSelection(f.id),
      source: f.source,
      sourceHandle: 'out',
      target: f.target,
      targetHandle: 'in',
      label: f.label,
      type: 'bend',
      data: { bends: f.bends ?? [], readOnly },
      selected: chosen.has(flowSelection(f.id)),
      className: [
        'prd-edge',
        f.isDefault ? 'default' : '',
        f.problem ? 'has-problem' : '',
        f.visited ? 'visited' : '',
      ]
        .filter(Boolean)
        .join(' '),
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      ariaLabel: edgeLabel(names.get(f.source) ?? '', names.get(f.target) ?? ''),
      domAttributes: edgeAttributes,
    }));
  }, [base, flows, chosen, readOnly, edgeLabel, edgeAttributes]);
  const withSelection = useMemo(
    () => base.map((n) => ({ ...n, selected: chosen.has(n.id), domAttributes: nodeAttributes })),
    [base, chosen, nodeAttributes],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<ProcessFlowNode>(withSelection);
  const [edges, setEdges, onEdgesChange] = useEdgesState<BendFlowEdge>(baseEdges);
  useEffect(() => {
    setNodes((previous) => {
      const measured = new Map(previous.map((n) => [n.id, n.measured]));
      return withSelection.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
  }, [withSelection, setNodes]);
  useEffect(() => setEdges(baseEdges), [baseEdges, setEdges]);

  // Selection lives in the designer's store; React Flow reports clicks, drags and measurements. While a selection
  // box is drawn, the nodes it covers (never lanes) and the flows between them become the selection.
  const boxing = useRef<Set<string> | null>(null);
  const onNodes = useCallback(
    (changes: NodeChange<ProcessFlowNode>[]) => {
      const box = boxing.current;
      if (box) {
        for (const c of changes)
          if (c.type === 'select' && laneIdOf(c.id) === null) {
            if (c.selected) box.add(c.id);
            else box.delete(c.id);
          }
        const between = flows.filter((f) => box.has(f.source) && box.has(f.target));
        onSelect(selectionOf([...box, ...between.map((f) => flowSelection(f.id))]));
      }
      onNodesChange(changes.filter((c) => c.type === 'position' || c.type === 'dimensions'));
    },
    [onNodesChange, onSelect, flows],
  );
  const onEdges = useCallback(
    (changes: EdgeChange<BendFlowEdge>[]) => onEdgesChange(changes.filter(() => false)),
    [onEdgesChange],
  );
  // A dragged lane takes its nodes along on the screen at once; the store moves them when it is dropped.
  const laneDrag = useRef<{ from: Point; carried: Map<string, Point> } | null>(null);
  const onNodeDragStart: OnNodeDrag<ProcessFlowNode> = (_, node) => {
    if (node.type !== 'lane') return;
    const carried = new Set(node.data.carries);
    laneDrag.current = {
      from: node.position,
      carried: new Map(nodes.filter((n) => carried.has(n.id)).map((n) => [n.id, n.position])),
    };
  };
  const onNodeDrag: OnNodeDrag<ProcessFlowNode> = (_, node) => {
    const drag = laneDrag.current;
    if (!drag || node.type !== 'lane') return;
    const dx = node.position.x - drag.from.x;
    const dy = node.position.y - drag.from.y;
    setNodes((previous) =>
      previous.map((n) => {
        const at = drag.carried.get(n.id);
        return at ? { ...n, position: { x: at.x + dx, y: at.y + dy } } : n;
      }),
    );
  };
  const onNodeDragStop: OnNodeDrag<ProcessFlowNode> = (_, node, dragged) => {
    laneDrag.current = null;
    const lane = laneIdOf(node.id);
    if (lane !== null) {
      onMoveLane?.(lane, node.position);
      return;
    }
    const moves = new Map(dragged.filter((n) => n.type === 'bpmn').map((n) => [n.id, n.position]));
    if (moves.size) onMove?.(moves);
  };
  const connect = (c: Connection) => {
    if (c.source && c.target && c.source !== c.target) onConnect?.(c.source, c.target);
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(paletteDragType) as NodeType;
    if (!type || !onDropType) return;
    event.preventDefault();
    onDropType(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div
      className="prd-flow"
      role="application"
      aria-label={t('processDesigner.canvas')}
      data-testid="prd-flow"
      onDragOver={(e) => {
        if (!readOnly && e.dataTransfer.types.includes(paletteDragType)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={onDrop}
      // Shift+click and Shift+drag select on the canvas; the browser would extend a text selection over the page.
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault();
      }}
    >
      <CanvasActionsContext.Provider value={actions}>
        <ReactFlow<ProcessFlowNode, BendFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodes}
          onEdgesChange={onEdges}
          onNodeClick={(event, node) => {
            if (node.type === 'lane' && readOnly) return;
            // Shift+click adds a node to the selection (a lane is chosen alone).
            onSelect(
              event.shiftKey && !readOnly && node.type === 'bpmn'
                ? toggleSelected(selected, node.id)
                : node.id,
            );
          }}
          onEdgeClick={(event, edge) => {
            if (flowIdOf(edge.id) === null) return onSelect(null);
            onSelect(event.shiftKey && !readOnly ? toggleSelected(selected, edge.id) : edge.id);
          }}
          onEdgeDoubleClick={(event, edge) => {
            const id = flowIdOf(edge.id);
            if (readOnly || id === null || !onAddBend) return;
            onSelect(edge.id);
            onAddBend(id, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
          }}
          onPaneClick={() => onSelect(null)}
          onSelectionStart={() => {
            boxing.current = readOnly ? null : new Set();
          }}
          onSelectionEnd={() => {
            boxing.current = null;
          }}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onConnect={connect}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          deleteKeyCode={null}
          selectionKeyCode={readOnly ? null : 'Shift'}
          multiSelectionKeyCode={readOnly ? null : 'Shift'}
          selectNodesOnDrag={false}
          elevateNodesOnSelect={false}
          zoomOnDoubleClick={false}
          panOnScroll
          minZoom={0.2}
          maxZoom={2}
          fitView
          fitViewOptions={fitOptions}
          proOptions={proOptions}
          ariaLabelConfig={ariaLabelConfig}
          aria-label={t('processDesigner.flowPane')}
        >
          <Background gap={20} />
          <Controls showInteractive={false} showFitView={false}>
            <ControlButton
              onClick={() => void flow.fitView({ ...fitOptions, duration: 200 })}
              title={t('processDesigner.toolbar.fit')}
              aria-label={t('processDesigner.toolbar.fit')}
              data-testid="prd-fit"
            >
              <Icon name="fit" size={12} />
            </ControlButton>
          </Controls>
        </ReactFlow>
      </CanvasActionsContext.Provider>
    </div>
  );
}
