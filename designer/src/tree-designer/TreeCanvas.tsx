import type { TreeBody } from '@opora/runtime/definitions';
import {
  Background,
  ControlButton,
  Controls,
  type Edge,
  type NodeChange,
  type OnNodeDrag,
  ReactFlow,
  useNodesState,
  useStore,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import type { TreeCardData, TreeFlowNode } from './card-data';
import { type DropIntent, dropIntent } from './drop-target';
import { useFlowLabels } from './flow-labels';
import { TreeNodeCard } from './TreeNodeCard';
import { cardLayout, type LayoutMode, type Placement } from './tree-layout';
import { reachable } from './tree-ops';
import { farZoom, legibleZoom } from './view-fit';

/** Built once: a new object on every render would remount every card. */
const nodeTypes = { 'tree-node': TreeNodeCard };
const proOptions = { hideAttribution: true };
const isFar = (s: { transform: [number, number, number] }) => s.transform[2] < farZoom;

interface Drag {
  id: string;
  /** The dragged node's subtree: it travels with the card. */
  below: Set<string>;
  intent: DropIntent | null;
}

/**
 * The tree on a React Flow canvas. Positions come from the layout, never from the body; dragging a card shows
 * where it would go (onto a question, or beside a choice) and on release asks to move it there. The canvas
 * edits nothing itself.
 */
export function TreeCanvas({
  body,
  layout,
  cards,
  selected,
  mode,
  collapsed,
  onSelect,
  onMove,
  onFit,
}: {
  body: TreeBody;
  layout: ReadonlyMap<string, Placement>;
  cards: ReadonlyMap<string, TreeCardData>;
  selected: string | null;
  mode: LayoutMode;
  /** Folded questions (their branches are not in `layout`). */
  collapsed: ReadonlySet<string>;
  onSelect: (id: string | null) => void;
  onMove: (id: string, parent: string, index: number) => void;
  /** Shows the whole tree, at a zoom that can still be read (on opening, and from the fit button). */
  onFit: () => void;
}) {
  const { t } = useTranslation();
  const { ariaLabelConfig, edgeLabel, nodeAttributes, edgeAttributes } = useFlowLabels();
  const far = useStore(isFar);
  const base = useMemo<TreeFlowNode[]>(
    () =>
      body.nodes.flatMap((n) => {
        const at = layout.get(n.id);
        const data = cards.get(n.id);
        if (!at || !data) return [];
        return [
          {
            id: n.id,
            type: 'tree-node' as const,
            position: { x: at.x, y: at.y },
            data: {
              ...data,
              outline: mode === 'outline',
              fold: n.children?.length ? { folded: collapsed.has(n.id), hidden: at.hidden ?? 0 } : null,
            },
            selected: n.id === selected,
            draggable: n.id !== body.root,
            width: cardLayout.width,
            height: cardLayout.height,
            domAttributes: nodeAttributes,
          },
        ];
      }),
    [body, layout, cards, selected, mode, collapsed, nodeAttributes],
  );
  const edges = useMemo<Edge[]>(() => {
    const seen = new Set<string>();
    return body.nodes.flatMap((n) =>
      (n.children ?? []).flatMap((child) => {
        const id = `${n.id}>${child}`;
        if (seen.has(id) || !layout.has(child) || !layout.has(n.id)) return [];
        seen.add(id);
        // A node listed under a second question is drawn once; the extra link is dashed.
        const main = layout.get(child)?.parent === n.id;
        return [
          {
            id,
            source: n.id,
            target: child,
            ...(mode === 'outline' ? { sourceHandle: 'outline-out', targetHandle: 'outline-in' } : {}),
            ariaLabel: edgeLabel(cards.get(n.id)?.title ?? n.id, cards.get(child)?.title ?? child),
            domAttributes: edgeAttributes,
            type: 'smoothstep',
            className: main ? 'td-edge' : 'td-edge td-edge-extra',
            selectable: false,
            focusable: false,
          },
        ];
      }),
    );
  }, [body, layout, mode, cards, edgeLabel, edgeAttributes]);

  const [nodes, setNodes, onNodesChange] = useNodesState<TreeFlowNode>(base);
  const baseRef = useRef(base);
  /** Back to the computed places (keeping what React Flow measured), after a change or a drop that did nothing. */
  const resetNodes = useCallback(
    () =>
      setNodes((previous) => {
        const measured = new Map(previous.map((n) => [n.id, n.measured]));
        return baseRef.current.map((n) => ({ ...n, measured: measured.get(n.id) }));
      }),
    [setNodes],
  );
  useEffect(() => {
    baseRef.current = base;
    resetNodes();
  }, [base, resetNodes]);

  // Selection lives in the designer's store; React Flow only reports clicks and measurements.
  const onChange = useCallback(
    (changes: NodeChange<TreeFlowNode>[]) => {
      for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
      onNodesChange(changes.filter((c) => c.type === 'position' || c.type === 'dimensions'));
    },
    [onNodesChange, onSelect],
  );

  // Tabbing onto a card selects it, as a click does.
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrapper.current;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      if (target.classList.contains('react-flow__node') && target.dataset.id) onSelect(target.dataset.id);
    };
    el?.addEventListener('focusin', onFocusIn);
    return () => el?.removeEventListener('focusin', onFocusIn);
  }, [onSelect]);

  const drag = useRef<Drag | null>(null);
  const onNodeDragStart: OnNodeDrag<TreeFlowNode> = (_, node) => {
    const below = reachable(body, node.id);
    below.delete(node.id);
    drag.current = { id: node.id, below, intent: null };
  };
  const onNodeDrag: OnNodeDrag<TreeFlowNode> = (_, node) => {
    const current = drag.current;
    const from = layout.get(node.id);
    if (!current || !from) return;
    const dx = node.position.x - from.x;
    const dy = node.position.y - from.y;
    const intent = dropIntent(body, layout, node.id, {
      x: node.position.x + cardLayout.width / 2,
      y: node.position.y + cardLayout.height / 2,
    });
    current.intent = intent;
    setNodes((all) =>
      all.map((n) => {
        const at = current.below.has(n.id) ? layout.get(n.id) : undefined;
        if (at) return { ...n, position: { x: at.x + dx, y: at.y + dy } };
        const drop = intent?.target === n.id ? intent.kind : null;
        return n.data.drop === drop ? n : { ...n, data: { ...n.data, drop } };
      }),
    );
  };
  const onNodeDragStop: OnNodeDrag<TreeFlowNode> = (_, node) => {
    const intent = drag.current?.intent;
    drag.current = null;
    resetNodes();
    if (intent && intent.kind !== 'refused') onMove(node.id, intent.parent, intent.index);
  };

  return (
    <div
      className={['td-flow', far ? 'td-far' : '', mode === 'outline' ? 'td-outline' : '']
        .filter(Boolean)
        .join(' ')}
      ref={wrapper}
      data-testid="td-flow"
    >
      <ReactFlow<TreeFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onChange}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        nodesConnectable={false}
        edgesFocusable={false}
        selectNodesOnDrag={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        // A big tree is read by moving along it: the wheel scrolls (Ctrl + wheel and pinching zoom), and the zoom
        // never drops below where a card can be read; folding and the outline give the overview instead.
        panOnScroll
        minZoom={legibleZoom}
        maxZoom={1.5}
        onInit={onFit}
        proOptions={proOptions}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('treeDesigner.flow.pane')}
      >
        <Background gap={24} />
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={onFit}
            title={ariaLabelConfig['controls.fitView.ariaLabel']}
            aria-label={ariaLabelConfig['controls.fitView.ariaLabel']}
          >
            <Icon name="fit" size={12} />
          </ControlButton>
        </Controls>
      </ReactFlow>
    </div>
  );
}
