import {
  Background,
  type Connection,
  ControlButton,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useFlowLabels } from '../tree-designer/flow-labels';
import { BlockCard, TriggerCard } from './BlockCard';
import { readableZoom } from './bot-layout';
import { triggerIdOf } from './bot-ops';
import type { BotFlowNode } from './card-data';

/** Built once: a new object on every render would remount every card. */
const nodeTypes = { 'bot-block': BlockCard, 'bot-trigger': TriggerCard };
const proOptions = { hideAttribution: true };
const deleteKeys = ['Delete', 'Backspace'];
/** Past this many cards a bot opens at a readable zoom on its start, not whole: a map shows where the rest is. */
const mapFrom = 30;
/** On the map, the triggers (where a bot starts) stand out from its blocks. */
const miniMapColor = (node: BotFlowNode) => (node.type === 'bot-trigger' ? '#7a5af8' : '#667085');

/** One connection on the canvas: a block's exit (or a trigger's start) to a block. */
export interface BotLink {
  source: string;
  exit: string;
  target: string;
}

/**
 * The bot on a React Flow canvas. Nodes, positions and links come from the designer; the canvas reports clicks,
 * drags, new connections (from an exit handle to a block) and deletions (the Delete key on a selected block or
 * connection), and edits nothing itself.
 */
export function BotCanvas({
  nodes: base,
  links,
  selected,
  onSelect,
  onMove,
  onConnect,
  onDelete,
  onFit,
  onPickLink,
}: {
  nodes: BotFlowNode[];
  links: BotLink[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  onMove: (id: string, position: { x: number; y: number }) => void;
  onConnect: (link: BotLink) => void;
  onDelete: (nodes: string[], links: BotLink[]) => void;
  onFit: () => void;
  /** The connection selected on the canvas (a click on it), or null: the toolbar offers to delete it. */
  onPickLink: (link: BotLink | null) => void;
}) {
  const { t } = useTranslation();
  const { ariaLabelConfig, edgeLabel, nodeAttributes, edgeAttributes } = useFlowLabels();
  const baseEdges = useMemo<Edge[]>(() => {
    const names = new Map(
      base.map((n) => [n.id, n.data.label ? `${n.data.typeName} «${n.data.label}»` : n.data.typeName]),
    );
    return links.map((link) => ({
      id: `${link.source}>${link.exit}`,
      source: link.source,
      sourceHandle: link.exit,
      target: link.target,
      targetHandle: 'in',
      ariaLabel: edgeLabel(names.get(link.source) ?? '', names.get(link.target) ?? ''),
      type: 'smoothstep',
      className: 'bd-edge',
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      // A trigger always starts somewhere: its link is moved by connecting elsewhere, not deleted.
      deletable: triggerIdOf(link.source) === null,
      domAttributes: edgeAttributes,
      data: { link },
    }));
  }, [base, links, edgeLabel, edgeAttributes]);
  const withSelection = useMemo(
    () => base.map((n) => ({ ...n, selected: n.id === selected, domAttributes: nodeAttributes })),
    [base, selected, nodeAttributes],
  );
  const [nodes, setNodes, onNodesChange] = useNodesState<BotFlowNode>(withSelection);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(baseEdges);
  useEffect(() => {
    setNodes((previous) => {
      const measured = new Map(previous.map((n) => [n.id, n.measured]));
      return withSelection.map((n) => ({ ...n, measured: measured.get(n.id) }));
    });
  }, [withSelection, setNodes]);
  useEffect(() => {
    setEdges((previous) => {
      const chosen = new Set(previous.filter((e) => e.selected).map((e) => e.id));
      return baseEdges.map((e) => (chosen.has(e.id) ? { ...e, selected: true } : e));
    });
  }, [baseEdges, setEdges]);

  // Selection of nodes lives in the designer's store; React Flow reports clicks, drags and measurements.
  const onNodes = useCallback(
    (changes: NodeChange<BotFlowNode>[]) => {
      for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
      onNodesChange(changes.filter((c) => c.type === 'position' || c.type === 'dimensions'));
    },
    [onNodesChange, onSelect],
  );
  const onEdges = useCallback(
    (changes: EdgeChange<Edge>[]) => onEdgesChange(changes.filter((c) => c.type === 'select')),
    [onEdgesChange],
  );
  const picked = edges.find((e) => e.selected && e.deletable !== false);
  const pickedLink = (picked?.data as { link?: BotLink } | undefined)?.link ?? null;
  const pickedKey = pickedLink ? `${pickedLink.source}>${pickedLink.exit}>${pickedLink.target}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported when the selected connection changes.
  useEffect(() => onPickLink(pickedLink), [pickedKey, onPickLink]);
  const onNodeDragStop: OnNodeDrag<BotFlowNode> = (_, node) => {
    if (node.type === 'bot-block') onMove(node.id, node.position);
  };
  const connect = (c: Connection) => {
    if (c.sourceHandle && c.target && triggerIdOf(c.target) === null)
      onConnect({ source: c.source, exit: c.sourceHandle, target: c.target });
  };

  return (
    <div className="bd-flow" data-testid="bd-flow">
      <ReactFlow<BotFlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodes}
        onEdgesChange={onEdges}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        onNodeDragStop={onNodeDragStop}
        onConnect={connect}
        isValidConnection={(c) => !!c.target && triggerIdOf(c.target) === null}
        onDelete={({ nodes: gone, edges: cut }) =>
          onDelete(
            gone.map((n) => n.id),
            cut.flatMap((e) =>
              (e.data as { link?: BotLink } | undefined)?.link ? [(e.data as { link: BotLink }).link] : [],
            ),
          )
        }
        deleteKeyCode={deleteKeys}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        selectNodesOnDrag={false}
        zoomOnDoubleClick={false}
        panOnScroll
        minZoom={readableZoom / 2}
        maxZoom={1.5}
        onInit={onFit}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('botDesigner.flow.pane')}
      >
        <Background gap={24} />
        {base.length > mapFrom && (
          <MiniMap
            pannable
            zoomable
            nodeColor={miniMapColor}
            nodeStrokeWidth={0}
            maskColor="rgba(208, 213, 221, 0.45)"
            ariaLabel={t('botDesigner.flow.minimap')}
            className="bd-minimap"
            data-testid="bd-minimap"
          />
        )}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton
            onClick={onFit}
            title={t('botDesigner.toolbar.fit')}
            aria-label={t('botDesigner.toolbar.fit')}
          >
            <Icon name="fit" size={12} />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
