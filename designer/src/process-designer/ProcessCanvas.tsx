import type { NodeType } from '@opora/runtime/processes';
import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type Edge,
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
import { type DragEvent, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useFlowLabels } from '../tree-designer/flow-labels';
import { BpmnNodeCard, LaneCard } from './BpmnNodeCard';
import type { ProcessFlowNode } from './canvas-data';
import { paletteDragType } from './Palette';
import { flowIdOf, flowSelection } from './process-ops';

/** Built once: a new object on every render would remount every card. */
const nodeTypes = { bpmn: BpmnNodeCard, lane: LaneCard };
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
}

/**
 * The process on a React Flow canvas. Nodes and flows come from the designer; the canvas reports clicks, drags,
 * new connections (from a node's right handle to another node) and palette items dropped on it, and edits
 * nothing itself. Read-only (the instance view), it only reports clicks.
 */
export function ProcessCanvas({
  nodes: base,
  flows,
  selected,
  readOnly = false,
  onSelect,
  onMove,
  onConnect,
  onDropType,
}: {
  nodes: ProcessFlowNode[];
  flows: CanvasFlow[];
  selected: string | null;
  readOnly?: boolean;
  onSelect: (id: string | null) => void;
  onMove?: (id: string, position: { x: number; y: number }) => void;
  onConnect?: (source: string, target: string) => void;
  onDropType?: (type: NodeType, position: { x: number; y: number }) => void;
}) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const { ariaLabelConfig, edgeLabel, nodeAttributes, edgeAttributes } = useFlowLabels();
  const baseEdges = useMemo<Edge[]>(() => {
    const names = new Map(base.map((n) => [n.id, (n.data.name as string | undefined) || n.id]));
    return flows.map((f) => ({
      id: flowSelection(f.id),
      source: f.source,
      sourceHandle: 'out',
      target: f.target,
      targetHandle: 'in',
      label: f.label,
      type: 'smoothstep',
      selected: flowSelection(f.id) === selected,
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
  }, [base, flows, selected, edgeLabel, edgeAttributes]);
  const withSelection = useMemo(
    () => base.map((n) => ({ ...n, selected: n.id === selected, domAttributes: nodeAttributes })),
    [base, selected, nodeAttributes],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<ProcessFlowNode>(withSelection);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(baseEdges);
  useEffect(() => {
    setNodes((previous) => {
      const measured = new Map(previous.map((n) => [n.id, n.measured]));
      return withSelection.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
  }, [withSelection, setNodes]);
  useEffect(() => setEdges(baseEdges), [baseEdges, setEdges]);

  // Selection lives in the designer's store; React Flow reports clicks, drags and measurements.
  const onNodes = useCallback(
    (changes: NodeChange<ProcessFlowNode>[]) =>
      onNodesChange(changes.filter((c) => c.type === 'position' || c.type === 'dimensions')),
    [onNodesChange],
  );
  const onEdges = useCallback(
    (changes: EdgeChange<Edge>[]) => onEdgesChange(changes.filter(() => false)),
    [onEdgesChange],
  );
  const onNodeDragStop: OnNodeDrag<ProcessFlowNode> = (_, node) => {
    if (node.type === 'bpmn') onMove?.(node.id, node.position);
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
    >
      <ReactFlow<ProcessFlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodes}
        onEdgesChange={onEdges}
        onNodeClick={(_, node) => node.type === 'bpmn' && onSelect(node.id)}
        onEdgeClick={(_, edge) => onSelect(flowIdOf(edge.id) !== null ? edge.id : null)}
        onPaneClick={() => onSelect(null)}
        onNodeDragStop={onNodeDragStop}
        onConnect={connect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        selectNodesOnDrag={false}
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
    </div>
  );
}
