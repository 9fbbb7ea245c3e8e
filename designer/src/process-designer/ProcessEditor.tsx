import { nodeName, type ProcessBody, type ProcessNode } from '@opora/runtime/definitions';
import type { NodeType } from '@opora/runtime/processes';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import { sameJson } from '../state/same-json';
import { BpmnFileActions } from './BpmnFileActions';
import { canvasModel } from './canvas-model';
import { containerAt } from './container-at';
import { FlowProperties } from './FlowProperties';
import { LaneProperties } from './LaneProperties';
import {
  addLane,
  assignLanes,
  findLane,
  laneCarries,
  laneSelection,
  moveLane,
  newLaneBox,
  renameLane,
  resizeLane,
} from './lane-ops';
import { NodeProperties } from './NodeProperties';
import { newNode } from './new-nodes';
import { isActivity } from './node-kinds';
import { Palette } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { ProcessCanvas } from './ProcessCanvas';
import type { ProcessDesignerProps } from './ProcessDesigner';
import { ProcessProperties } from './ProcessProperties';
import { placeBeside } from './place-beside';
import { type Box, layoutProcess } from './process-layout';
import {
  addNode,
  connect,
  findFlow,
  findNode,
  flowIdOf,
  flowSelection,
  flowsTouching,
  freshId,
  moveNodes,
  replaceFlow,
  replaceNode,
  setDefaultFlow,
  setParent,
} from './process-ops';
import { createProcessStore, useProcessStore } from './process-store';
import { SelectionProperties } from './SelectionProperties';
import { singleSelected } from './selection';
import { removeSelection, selectionParts } from './selection-ops';
import { useProcessProblems } from './use-process-problems';
import { addBend, carryBends, moveBend, type Point, removeBend } from './waypoint-ops';

/** What the Delete key or a delete button asked to remove, while the dialog asks first. */
interface PendingRemoval {
  title: string;
  text: string;
  selection: string;
}

/** The diagram: palette, canvas, the selected element's panel and the live check, with undo and BPMN files. */
export function ProcessEditor({ body, onChange, problems, definitionId }: ProcessDesignerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const flow = useReactFlow();
  const report = useRef(onChange);
  report.current = onChange;
  const [store] = useState(() => createProcessStore(body, (next) => report.current(next)));
  const state = useProcessStore(store);
  const process = state.body;
  const selected = state.selected;
  const single = singleSelected(selected);
  const [pending, setPending] = useState<PendingRemoval | null>(null);

  // The draft replaced from outside (the JSON tab, a reload after a conflict): start over from it.
  useEffect(() => {
    if (!sameJson(body, store.get().body)) store.reset(body);
  }, [body, store]);

  const { all, byTarget } = useProcessProblems(process, problems);
  const layout = useMemo(() => layoutProcess(process), [process]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const model = useMemo(
    () =>
      canvasModel({
        body: process,
        layout,
        lang,
        problems: byTarget,
        defaultLabel: t('processDesigner.flow.default'),
      }),
    [process, layout, lang, byTarget, t],
  );

  const select = useCallback((id: string | null) => store.select(id), [store]);
  const reveal = useCallback(
    (id: string) => {
      const box = layoutRef.current.get(id);
      if (box)
        void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
          zoom: flow.getZoom(),
          duration: 250,
        });
    },
    [flow],
  );
  const pick = useCallback(
    (target: string) => {
      store.select(target);
      const flowId = flowIdOf(target);
      const node = flowId === null ? target : findFlow(store.get().body, flowId)?.source;
      if (node) reveal(node);
    },
    [store, reveal],
  );

  /** A node added from the palette: beside the selected node (connected from it), or where it was dropped. */
  const add = (type: NodeType, dropped?: { x: number; y: number }) => {
    const now = store.get().body;
    const from = single ? findNode(now, single) : undefined;
    const host = type === 'bpmn.boundaryEvent' && from && isActivity(from) ? from : undefined;
    const at = placeBeside(type, layoutRef.current, from?.id ?? null, dropped, !!host);
    let node = newNode(now, type, at);
    if (host && node.type === 'bpmn.boundaryEvent')
      node = { ...node, config: { ...node.config, attachedTo: host.id } };
    // Drawn inside a sub-process (dropped there, or beside one of its children), it belongs to it.
    const parent = dropped ? containerAt(now, layoutRef.current, dropped) : from?.parent;
    if (parent && type !== 'bpmn.boundaryEvent' && parent !== node.id) node = { ...node, parent };
    const follows =
      from &&
      !host &&
      type !== 'bpmn.startEvent' &&
      type !== 'bpmn.boundaryEvent' &&
      from.type !== 'bpmn.endEvent';
    store.change((b) => {
      // Standing on a lane, it belongs to it.
      const next = assignLanes(addNode(b, node), [node.id]);
      return follows && !next.flows.some((f) => f.source === from.id)
        ? connect(next, from.id, node.id)
        : next;
    }, node.id);
  };

  /** A new lane around the diagram (the first) or under the lowest one, selected to be named. */
  const addLaneNow = () => {
    const now = store.get().body;
    const id = freshId(now, 'lane');
    const name = t('processDesigner.lane.defaultName', { n: (now.lanes?.length ?? 0) + 1 });
    store.change(
      (b) => addLane(b, { id, name, position: newLaneBox(b, layoutRef.current) }),
      laneSelection(id),
    );
  };

  /** Nodes dropped after a drag (one step for a whole selection): they join the sub-process and lane they stand in. */
  const moveNodesTo = (moves: Map<string, Point>) =>
    store.change((b) => {
      let next = carryBends(b, moveNodes(b, moves));
      for (const [id, to] of moves) {
        // Dropped inside a sub-process it joins it; dragged out of one, it leaves it.
        const box = layoutRef.current.get(id);
        const middle = { x: to.x + (box?.width ?? 0) / 2, y: to.y + (box?.height ?? 0) / 2 };
        const others = { nodes: b.nodes.filter((n) => n.id !== id && !moves.has(n.id)) };
        next = setParent(next, id, containerAt(others, layoutRef.current, middle));
      }
      const moved = next.nodes.filter((n) => findNode(b, n.id)?.position !== n.position).map((n) => n.id);
      return assignLanes(next, moved);
    });

  /**
   * Deletes what is selected. A lane asks first, naming it; several elements ask first, saying how many; a node
   * with flows asks first, naming how many flows go with it; a flow or a lone node goes at once (undo brings it back).
   */
  const removeSelected = useCallback(() => {
    const now = store.get();
    const { ids, nodes, lanes } = selectionParts(now.selected);
    if (!now.selected || !ids.length) return;
    const selection = now.selected;
    if (ids.length > 1) {
      setPending({
        title: t('processDesigner.confirm.title'),
        text: t('processDesigner.confirm.several', { count: ids.length }),
        selection,
      });
      return;
    }
    const lane = lanes[0] !== undefined ? findLane(now.body, lanes[0]) : undefined;
    if (lane) {
      setPending({
        title: t('processDesigner.confirm.laneTitle'),
        text: t('processDesigner.confirm.laneText', { name: lane.name ?? lane.id }),
        selection,
      });
      return;
    }
    const touching = flowsTouching(now.body, nodes).length;
    if (!touching) {
      store.change((b) => removeSelection(b, selection), null);
      return;
    }
    const n = findNode(now.body, selection);
    setPending({
      title: t('processDesigner.confirm.title'),
      text: t('processDesigner.confirm.text', { names: n ? nodeName(n, lang) : selection, count: touching }),
      selection,
    });
  }, [store, t, lang]);

  // Delete, undo and redo keys, unless a field has the focus (it edits its own text).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        if (!store.get().selected) return;
        event.preventDefault();
        removeSelected();
        return;
      }
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, removeSelected]);

  const parts = selectionParts(selected);
  const node = single ? findNode(process, single) : undefined;
  const chosenFlow = single && parts.flows[0] !== undefined ? findFlow(process, parts.flows[0]) : undefined;
  const chosenLane = single && parts.lanes[0] !== undefined ? findLane(process, parts.lanes[0]) : undefined;
  const canvasActions = useMemo(
    () => ({
      resizeLane: (id: string, box: Box) => store.change((b) => resizeLane(b, id, box)),
      moveBend: (id: string, index: number, to: Point) =>
        store.change((b) => moveBend(b, id, index, to, layoutRef.current)),
      removeBend: (id: string, index: number) =>
        store.change((b) => removeBend(b, id, index, layoutRef.current)),
    }),
    [store],
  );
  const messages = (id: string) => (byTarget.get(id) ?? []).map((p) => p.message);

  return (
    <div className="prd-editor">
      <div className="bd-toolbar" role="toolbar" aria-label={t('processDesigner.canvas')}>
        <UndoRedoButtons
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          testIdPrefix="prd"
          labelClassName="bd-label"
        />
        <button
          type="button"
          className="btn"
          disabled={!selected}
          title={t('processDesigner.toolbar.removeTitle')}
          data-testid="prd-remove"
          onClick={removeSelected}
        >
          {t('processDesigner.toolbar.remove')}
        </button>
        <span className={all.length ? 'bd-count bad' : 'bd-count'} data-testid="prd-problem-count">
          {all.length
            ? t('processDesigner.toolbar.problems', { count: all.length })
            : t('processDesigner.toolbar.noProblems')}
        </span>
        <span className="spacer" />
        <BpmnFileActions
          definitionId={definitionId}
          onImported={(next) => {
            store.change(() => next, null);
            // The file's diagram stands wherever its tool put it: show all of it once drawn.
            setTimeout(() => void flow.fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 }), 60);
          }}
        />
      </div>
      <div className="prd-grid">
        <Palette onAdd={(type) => add(type)} onAddLane={addLaneNow} />
        <section className="bd-canvas" aria-label={t('processDesigner.canvas')}>
          <ProcessCanvas
            nodes={model.nodes}
            flows={model.flows}
            selected={selected}
            onSelect={select}
            onMove={moveNodesTo}
            onMoveLane={(id, to) => store.change((b) => moveLane(b, id, to))}
            onAddBend={(id, at) => store.change((b) => addBend(b, id, at, layoutRef.current))}
            actions={canvasActions}
            onConnect={(source, target) => store.change((b) => connect(b, source, target))}
            onDropType={(type, at) => add(type, at)}
          />
        </section>
        <aside className="bd-side open">
          {parts.ids.length > 1 ? (
            <SelectionProperties count={parts.ids.length} onRemove={removeSelected} />
          ) : chosenLane ? (
            <LaneProperties
              key={chosenLane.id}
              lane={chosenLane}
              nodes={laneCarries(process, chosenLane.id, layout).length}
              onRename={(name) =>
                store.change(
                  (b) => renameLane(b, chosenLane.id, name),
                  undefined,
                  `lane:${chosenLane.id}:name`,
                )
              }
              onRemove={removeSelected}
            />
          ) : node ? (
            <NodeProperties
              key={node.id}
              body={process}
              node={node}
              problems={messages(node.id)}
              onChange={(next: ProcessNode, field) =>
                store.change((b) => replaceNode(b, node.id, next), undefined, field && `${node.id}:${field}`)
              }
              onRemove={removeSelected}
            />
          ) : chosenFlow ? (
            <FlowProperties
              key={chosenFlow.id}
              body={process}
              flow={chosenFlow}
              problems={messages(flowSelection(chosenFlow.id))}
              onChange={(next, field) =>
                store.change(
                  (b) => replaceFlow(b, chosenFlow.id, next),
                  undefined,
                  field && `flow:${chosenFlow.id}:${field}`,
                )
              }
              onDefault={(on) => store.change((b) => setDefaultFlow(b, chosenFlow.id, on))}
              onRemove={removeSelected}
            />
          ) : (
            <ProcessProperties
              body={process}
              onChange={(edit, field) =>
                store.change(edit as (b: ProcessBody) => ProcessBody, undefined, field && `process:${field}`)
              }
            />
          )}
          <ProblemsPanel body={process} problems={all} onPick={pick} />
        </aside>
      </div>
      {pending && (
        <ConfirmDialog
          title={pending.title}
          text={pending.text}
          confirmLabel={t('processDesigner.confirm.remove')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const gone = pending.selection;
            setPending(null);
            store.change((b) => removeSelection(b, gone), null);
          }}
        />
      )}
    </div>
  );
}
