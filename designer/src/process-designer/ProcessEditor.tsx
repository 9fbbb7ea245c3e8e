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
import { NodeProperties } from './NodeProperties';
import { newNode } from './new-nodes';
import { isActivity } from './node-kinds';
import { Palette } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { ProcessCanvas } from './ProcessCanvas';
import type { ProcessDesignerProps } from './ProcessDesigner';
import { ProcessProperties } from './ProcessProperties';
import { placeBeside } from './place-beside';
import { layoutProcess } from './process-layout';
import {
  addNode,
  connect,
  findFlow,
  findNode,
  flowIdOf,
  flowsTouching,
  moveNode,
  removeElements,
  replaceFlow,
  replaceNode,
  setDefaultFlow,
  setParent,
} from './process-ops';
import { createProcessStore, useProcessStore } from './process-store';
import { useProcessProblems } from './use-process-problems';

/** What the Delete key or a delete button asked to remove, while the dialog asks about the flows it takes along. */
interface PendingRemoval {
  nodes: string[];
  flows: number;
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
    const from = selected && flowIdOf(selected) === null ? findNode(now, selected) : undefined;
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
      const next = addNode(b, node);
      return follows && !next.flows.some((f) => f.source === from.id)
        ? connect(next, from.id, node.id)
        : next;
    }, node.id);
  };

  /** Deletes what is selected; a node with flows asks first, naming how many flows go with it. */
  const removeSelected = useCallback(() => {
    const now = store.get();
    if (!now.selected) return;
    const flowId = flowIdOf(now.selected);
    if (flowId !== null) {
      store.change((b) => removeElements(b, [], [flowId]), null);
      return;
    }
    const touching = flowsTouching(now.body, [now.selected]).length;
    if (touching) setPending({ nodes: [now.selected], flows: touching });
    else store.change((b) => removeElements(b, [now.selected as string]), null);
  }, [store]);

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

  const flowId = selected ? flowIdOf(selected) : null;
  const node = selected && flowId === null ? findNode(process, selected) : undefined;
  const chosenFlow = flowId !== null ? findFlow(process, flowId) : undefined;
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
        <Palette onAdd={(type) => add(type)} />
        <section className="bd-canvas" aria-label={t('processDesigner.canvas')}>
          <ProcessCanvas
            nodes={model.nodes}
            flows={model.flows}
            selected={selected}
            onSelect={select}
            onMove={(id, to) =>
              store.change((b) => {
                // Dropped inside a sub-process it joins it; dragged out of one, it leaves it.
                const box = layoutRef.current.get(id);
                const middle = { x: to.x + (box?.width ?? 0) / 2, y: to.y + (box?.height ?? 0) / 2 };
                const inside = containerAt(
                  { nodes: b.nodes.filter((n) => n.id !== id) },
                  layoutRef.current,
                  middle,
                );
                return setParent(moveNode(b, id, to), id, inside);
              })
            }
            onConnect={(source, target) => store.change((b) => connect(b, source, target))}
            onDropType={(type, at) => add(type, at)}
          />
        </section>
        <aside className="bd-side open">
          {node ? (
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
              problems={messages(selected as string)}
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
          title={t('processDesigner.confirm.title')}
          text={t('processDesigner.confirm.text', {
            names: pending.nodes
              .map((id) => {
                const n = findNode(process, id);
                return n ? nodeName(n, lang) : id;
              })
              .join(', '),
            count: pending.flows,
          })}
          confirmLabel={t('processDesigner.confirm.remove')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const gone = pending.nodes;
            setPending(null);
            store.change((b) => removeElements(b, gone), null);
          }}
        />
      )}
    </div>
  );
}
