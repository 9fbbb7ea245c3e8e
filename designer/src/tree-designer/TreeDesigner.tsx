import type { TreeBody } from '@opora/runtime/definitions';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProblem } from '../state/use-definition-draft';
import './i18n';
import { sameJson } from '../state/same-json';
import { NodeProperties } from './NodeProperties';
import { retitle } from './node-id';
import { ProblemsPanel } from './ProblemsPanel';
import { RemoveNodeDialog } from './RemoveNodeDialog';
import { nodeStatsOf } from './stats-format';
import { TreeCanvas } from './TreeCanvas';
import { structuralActions, type TreeActions, TreeActionsContext } from './tree-actions';
import './tree-designer.css';
import { TreeProperties } from './TreeProperties';
import { TreeToolbar } from './TreeToolbar';
import { cardLayout } from './tree-layout';
import { acceptsChildren, findNode, moveNode, type NodePatch, removeSubtree, updateNode } from './tree-ops';
import { createTreeStore, useTreeStore } from './tree-store';
import { useFreshIds } from './use-fresh-ids';
import { useRevealSelected } from './use-reveal-selected';
import { useStableLayout } from './use-stable-layout';
import { useTreeCards } from './use-tree-cards';
import { useTreeKeys } from './use-tree-keys';
import { useTreeProblems } from './use-tree-problems';
import { useTreeStats } from './use-tree-stats';
import { foldable, useTreeView } from './use-tree-view';
import { fitViewport } from './view-fit';

export interface TreeDesignerProps {
  body: TreeBody;
  onChange: (body: TreeBody) => void;
  /** The page's problems; the designer shows the server's (from the last publish) beside its own live check. */
  problems: EditorProblem[];
  /** Key of the definition: statistics are kept per tree key. */
  definitionKey: string;
  /** Latest published version, or null when never published (then there are no statistics). */
  publishedVersion: number | null;
}

/**
 * The question tree designer: the tree as a graph laid out from its structure, editing by buttons, keys and
 * dragging, the selected node's properties, live checks and per-node statistics of the published tree. The body
 * is the draft's JSON, so saving, publishing and the JSON tab work as for every kind.
 */
export function TreeDesigner(props: TreeDesignerProps) {
  const { t } = useTranslation();
  if (!isTreeShape(props.body)) return <div className="banner warn">{t('treeDesigner.notTree')}</div>;
  return (
    <ReactFlowProvider>
      <Designer {...props} />
    </ReactFlowProvider>
  );
}

/** Enough of a version 2 tree to draw; anything finer is the live check's job. */
function isTreeShape(body: unknown): body is TreeBody {
  const b = body as Partial<TreeBody> | null;
  return (
    !!b &&
    typeof b.root === 'string' &&
    Array.isArray(b.nodes) &&
    b.nodes.every((n) => !!n && typeof n.id === 'string' && typeof n.title?.ru === 'string')
  );
}

const wide = () => typeof window === 'undefined' || window.matchMedia('(min-width: 901px)').matches;

function Designer({ body, onChange, problems, definitionKey, publishedVersion }: TreeDesignerProps) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const report = useRef(onChange);
  report.current = onChange;
  const [store] = useState(() => createTreeStore(body, (next) => report.current(next)));
  const state = useTreeStore(store);
  const tree = state.body;
  const [removing, setRemoving] = useState<string | null>(null);
  const [panelOpen, setPanelOpen] = useState(wide);
  const [showStats, setShowStats] = useState(true);
  const canvasRef = useRef<HTMLElement>(null);

  // The draft replaced from outside (reload after a conflict): start over from it. A saved draft comes back
  // equal (keys reordered), which keeps the history.
  useEffect(() => {
    if (!sameJson(body, store.get().body)) store.reset(body);
  }, [body, store]);

  const { all, byNode, problemText } = useTreeProblems(store, tree, problems);
  const treeView = useTreeView(definitionKey, tree);
  const { view, reveal } = treeView;
  const layout = useStableLayout(tree, view);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const stats = useTreeStats(definitionKey, publishedVersion);
  const fresh = useFreshIds(definitionKey, publishedVersion);
  /** What a renamed node was first called: its panel stays mounted (and its field focused) while the id follows. */
  const firstIds = useRef(new Map<string, string>());
  const firstId = (id: string) => firstIds.current.get(id) ?? id;
  const patchNode = (id: string, patch: NodePatch, group?: string) => {
    const title = patch.title;
    if (!title || Object.keys(patch).length > 1) {
      store.change((b) => updateNode(b, id, patch), undefined, group);
      return;
    }
    const next = retitle(store.get().body, id, title, fresh.canRename(id));
    if (next.id !== id) {
      fresh.renamed(id, next.id);
      firstIds.current.set(next.id, firstId(id));
    }
    store.change(() => next.body, next.id, group && `title:${firstId(id)}`);
  };
  const liveStats = stats.status === 'ready' && showStats ? stats.stats : null;
  const { cards, deep } = useTreeCards(tree, byNode, liveStats, problemText);

  // Stable, so the cards (which reach the actions through context) do not all re-render on every change.
  const actions = useMemo<TreeActions>(() => {
    const structural = structuralActions(store);
    const made = (id: string | null) => {
      if (id) fresh.add(id);
    };
    const centre = (id: string) => {
      const at = layoutRef.current.get(id);
      if (at)
        void flow.setCenter(at.x + cardLayout.width / 2, at.y + cardLayout.height / 2, {
          zoom: flow.getZoom(),
          duration: 250,
        });
    };
    return {
      addChild: (id) => made(structural.addChild(id)),
      addSibling: (id) => made(structural.addSibling(id)),
      moveBy: structural.moveBy,
      requestRemove: (id) => id !== store.get().body.root && setRemoving(id),
      focus: (id) => {
        store.select(id);
        centre(id);
      },
      toggleFold: treeView.toggle,
    };
  }, [store, flow, fresh, treeView.toggle]);
  useTreeKeys(store, actions);
  const select = useCallback((id: string | null) => store.select(id), [store]);

  // A node selected inside a folded branch (a new choice, a problem clicked in the list) unfolds what hides it.
  useEffect(() => {
    if (state.selected && !layout.has(state.selected)) reveal(store.get().body, state.selected);
  }, [state.selected, layout, reveal, store]);
  useRevealSelected(canvasRef, state.selected, layout);

  const fit = useCallback(() => {
    const pane = canvasRef.current;
    if (!pane) return;
    const size = { width: pane.clientWidth, height: pane.clientHeight };
    void flow.setViewport(fitViewport(layoutRef.current, store.get().body.root, size), { duration: 250 });
  }, [flow, store]);
  // Another layout or a branch folded from the toolbar: show the new picture from the start again.
  const refit = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the new layout is there to fit.
  useEffect(() => {
    if (!refit.current) return;
    refit.current = false;
    fit();
  }, [layout, fit]);

  const selected = state.selected ? findNode(tree, state.selected) : undefined;

  return (
    <TreeActionsContext.Provider value={actions}>
      <div className="tree-designer" data-testid="tree-designer">
        <TreeToolbar
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          canAddChild={acceptsChildren(selected)}
          canAddSibling={!!selected && selected.id !== tree.root}
          canRemove={!!selected && selected.id !== tree.root}
          onAddChild={() => selected && actions.addChild(selected.id)}
          onAddSibling={() => selected && actions.addSibling(selected.id)}
          onRemove={() => selected && actions.requestRemove(selected.id)}
          onFit={fit}
          mode={view.mode}
          onMode={(mode) => {
            refit.current = true;
            treeView.setMode(mode);
          }}
          onFoldAll={(fold) => {
            refit.current = true;
            treeView.setCollapsed(fold ? foldable(tree) : []);
          }}
          stats={stats}
          showStats={showStats}
          onShowStats={setShowStats}
          problemCount={all.length}
          panelOpen={panelOpen}
          onTogglePanel={() => setPanelOpen((open) => !open)}
        />
        <div className="td-grid">
          <section className="td-canvas" ref={canvasRef} aria-label={t('treeDesigner.canvas')}>
            <TreeCanvas
              body={tree}
              layout={layout}
              cards={cards}
              selected={state.selected}
              mode={view.mode}
              collapsed={view.collapsed}
              onFit={fit}
              onSelect={select}
              onMove={(id, parent, index) => store.change((b) => moveNode(b, id, parent, index), id)}
            />
          </section>
          <aside className={panelOpen ? 'td-side open' : 'td-side'}>
            {selected ? (
              <NodeProperties
                key={firstId(selected.id)}
                body={tree}
                node={selected}
                problems={byNode.get(selected.id) ?? []}
                stats={liveStats ? nodeStatsOf(liveStats, selected.id, selected.id === tree.root) : undefined}
                actions={actions}
                problemText={problemText}
                onPatch={(patch, group) => patchNode(selected.id, patch, group)}
                onMoveTo={(parent) =>
                  store.change((b) => moveNode(b, selected.id, parent, Number.POSITIVE_INFINITY))
                }
              />
            ) : (
              <TreeProperties
                body={tree}
                problems={all.filter((p) => !p.node)}
                problemText={problemText}
                onChange={(edit, group) => store.change(edit, undefined, group)}
              />
            )}
            <ProblemsPanel
              body={tree}
              problems={all}
              deep={deep}
              problemText={problemText}
              onPick={actions.focus}
            />
          </aside>
        </div>
        {removing && (
          <RemoveNodeDialog
            body={tree}
            id={removing}
            onCancel={() => setRemoving(null)}
            onConfirm={() => {
              const parent = tree.nodes.find((n) => n.children?.includes(removing))?.id ?? null;
              setRemoving(null);
              store.change((b) => removeSubtree(b, removing), parent);
            }}
          />
        )}
      </div>
    </TreeActionsContext.Provider>
  );
}
