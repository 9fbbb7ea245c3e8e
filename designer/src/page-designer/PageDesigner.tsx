import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { PageBody, PageWidgetType } from '@opora/runtime/definitions';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useDndAccessibility } from '../lib/dnd-accessibility';
import { isDrawablePage } from './body-shape';
import { Canvas } from './Canvas';
import { type CanvasApi, CanvasContext } from './canvas-context';
import {
  applyDrop,
  type DragData,
  type DropData,
  pageCollisions,
  pageKeyboardCoordinates,
} from './drag-drop';
import './i18n';
import { useDesignerHistory } from '../state/use-designer-history';
import { DesignerToolbar } from './DesignerToolbar';
import { OpenOnPortal } from './OpenOnPortal';
import { PageSettings } from './PageSettings';
import { Palette } from './Palette';
import { PreviewPane } from './PreviewPane';
import { addRow, removeRow } from './page-ops';
import { placeWidget } from './place-widget';
import type { PreviewMode } from './preview-protocol';
import { indexProblems, type PointedProblem } from './problem-index';
import { useDeleteKey } from './use-delete-key';
import { usePageLookups } from './use-page-lookups';
import { WidgetProperties } from './WidgetProperties';
import { newWidget } from './widget-factory';
import { findColumn, findWidget } from './widget-ops';
import './page-designer.css';

/**
 * The portal page designer: widget palette, canvas of rows → columns → widgets (drag, or the keyboard and
 * buttons), the selected widget's settings or the page's, undo/redo, and a live preview of the draft in the
 * real portal. The body is the draft's JSON: save, publish and versions stay the definition page's job.
 */
export function PageDesigner(props: DesignerProps) {
  const { t } = useTranslation();
  if (!isDrawablePage(props.body)) return <div className="banner warn">{t('pageDesigner.brokenBody')}</div>;
  return <Designer {...props} />;
}

interface DesignerProps {
  body: PageBody;
  onChange: (body: PageBody) => void;
  problems: readonly PointedProblem[];
  definitionId: string;
  latestVersion: number | null;
}

function Designer({ body, onChange, problems, definitionId, latestVersion }: DesignerProps) {
  const { t } = useTranslation();
  const [store, state] = useDesignerHistory(body, onChange);
  const page = state.body;
  const lookups = usePageLookups();
  const [preview, setPreview] = useState<PreviewMode>('off');
  const [dragging, setDragging] = useState<{ id: string; data: DragData } | null>(null);
  const [chosenColumn, setChosenColumn] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const index = useMemo(() => indexProblems(page, problems), [page, problems]);
  const dndNames = useDndAccessibility();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: pageKeyboardCoordinates }),
  );
  const selected = state.selected ? findWidget(page, state.selected) : undefined;
  const edit: CanvasApi['edit'] = (change, select) => store.change(change, select);

  const targetColumn = (() => {
    if (chosenColumn && findColumn(page, chosenColumn)) return chosenColumn;
    const last = page.rows.at(-1)?.columns.at(-1);
    return last?.id ?? null;
  })();

  const add = (type: PageWidgetType) => {
    const widget = newWidget(type, store.get().body, lookups);
    store.change(
      (b) => placeWidget(b, widget, { afterWidget: selected?.id, column: targetColumn }),
      widget.id,
    );
  };

  const api: CanvasApi = {
    lookups,
    problems: index,
    selected: state.selected,
    targetColumn: selected ? null : targetColumn,
    select: (id) => store.select(id),
    chooseColumn: (id) => {
      setChosenColumn(id);
      store.select(null);
    },
    edit,
    askRemoveRow: (rowId) => {
      const row = page.rows.find((r) => r.id === rowId);
      if (row?.columns.some((c) => c.widgets.length)) setRemoving(rowId);
      else edit((b) => removeRow(b, rowId));
    },
    addRow: () => {
      const { body: next, rowId } = addRow(store.get().body);
      store.change(() => next, null);
      setChosenColumn(next.rows.find((r) => r.id === rowId)?.columns[0]?.id ?? null);
    },
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    const data = active.data.current as DragData | undefined;
    setDragging(data ? { id: String(active.id), data } : null);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const result = applyDrop(
      page,
      String(active.id),
      active.data.current as DragData | undefined,
      over?.data.current as DropData | undefined,
      lookups,
    );
    if (result) store.change(() => result.body, result.select);
  };

  useDeleteKey(store);

  const dragLabel = (id: string, data: DragData) => {
    if (data.kind === 'palette') return t(`pageDesigner.widgets.${data.type}.name`);
    if (data.kind === 'row') return t('pageDesigner.row.label', { n: data.index + 1 });
    const widget = findWidget(page, id);
    return widget ? t(`pageDesigner.widgets.${widget.type}.name`) : id;
  };

  const removingRow = removing ? page.rows.findIndex((r) => r.id === removing) : -1;
  return (
    <div className="page-designer" data-testid="page-designer">
      <DesignerToolbar
        store={store}
        state={state}
        preview={preview}
        onPreview={setPreview}
        extra={<OpenOnPortal definitionId={definitionId} latestVersion={latestVersion} />}
      />
      <CanvasContext.Provider value={api}>
        <DndContext
          accessibility={dndNames}
          sensors={sensors}
          collisionDetection={pageCollisions}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <div className="fd-grid pd-grid">
            <Palette onAdd={add} />
            <Canvas body={page} />
            {selected ? (
              <WidgetProperties
                body={page}
                widget={selected}
                problems={index.widgets.get(selected.id)}
                lookups={lookups}
                edit={edit}
              />
            ) : (
              <aside
                className="fd-properties pd-properties"
                aria-label={t('pageDesigner.pageSettings.title')}
              >
                <p className="hint">{t('pageDesigner.selectHint')}</p>
                <PageSettings body={page} problems={index.page} onChange={(change) => edit(change)} />
              </aside>
            )}
          </div>
          <DragOverlay>
            {dragging ? <div className="fd-drag-ghost">{dragLabel(dragging.id, dragging.data)}</div> : null}
          </DragOverlay>
        </DndContext>
      </CanvasContext.Provider>
      {preview !== 'off' && <PreviewPane body={page} mode={preview} />}
      {removing && removingRow >= 0 && (
        <ConfirmDialog
          title={t('pageDesigner.row.removeTitle')}
          text={t('pageDesigner.row.removeText', {
            n: removingRow + 1,
            count: page.rows[removingRow]?.columns.reduce((n, c) => n + c.widgets.length, 0) ?? 0,
          })}
          confirmLabel={t('pageDesigner.row.removeConfirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            edit((b) => removeRow(b, removing));
            setRemoving(null);
          }}
        />
      )}
    </div>
  );
}
