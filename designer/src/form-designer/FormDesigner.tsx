import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { EntityBody, FormBody, FormElement } from '@opora/runtime/definitions';
import { walkLayout } from '@opora/runtime/definitions';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { UndoRedoButtons } from '../components/UndoRedoButtons';
import { byLabel, dndAccessibility } from '../lib/dnd-accessibility';
import { errorText } from '../lib/error-text';
import type { EditorProblem } from '../state/use-definition-draft';
import { ContainerView, type DropTarget } from './Canvas';
import { createDesignerStore, useDesigner } from './designer-store';
import {
  containerChoices,
  newFieldElement,
  newLayoutElement,
  newRelatedElement,
  placedFields,
} from './element-factory';
import { FormPreview } from './FormPreview';
import { elementLabel } from './labels';
import {
  childrenOf,
  findElement,
  innerContainers,
  insertElement,
  locate,
  moveElement,
  removeElement,
  root,
  updateElement,
} from './layout-ops';
import { Palette, type PaletteItem } from './Palette';
import { PropertiesPanel } from './PropertiesPanel';
import { usePublishedEntity } from './use-published-entity';
import { useRelationCandidates } from './use-relation-candidates';

/**
 * The drag-and-drop form designer: palette (the type's fields and layout elements), canvas of nested
 * containers, properties of the selected element, live preview at desktop and phone widths, undo/redo.
 * The body is the draft's JSON, so save, publish, versions and the JSON tab work as for every kind.
 */
export function FormDesigner({
  body,
  onChange,
  problems,
}: {
  body: FormBody;
  onChange: (body: FormBody) => void;
  problems: EditorProblem[];
}) {
  const { t } = useTranslation();
  const entity = usePublishedEntity(body.entity);
  if (entity.status === 'loading') return <p className="muted">{t('common.loading')}</p>;
  if (entity.status === 'failed')
    return <ErrorBanner message={errorText(entity.error, t('common.loadFailed'))} />;
  if (entity.status === 'missing')
    return <div className="banner warn">{t('formDesigner.entityMissing', { entity: body.entity })}</div>;
  return <Designer body={body} onChange={onChange} problems={problems} entity={entity.body} />;
}

/** Innermost drop zone under the pointer: nested containers all contain the pointer, the smallest is meant. */
const innermost: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (!hits.length) return closestCenter(args);
  const area = (id: string | number) => {
    const rect = args.droppableRects.get(id);
    return rect ? rect.width * rect.height : Number.POSITIVE_INFINITY;
  };
  return [...hits].sort((a, b) => area(a.id) - area(b.id));
};

function Designer({
  body,
  onChange,
  problems,
  entity,
}: {
  body: FormBody;
  onChange: (body: FormBody) => void;
  problems: EditorProblem[];
  entity: EntityBody;
}) {
  const { t, i18n } = useTranslation();
  const report = useRef(onChange);
  report.current = onChange;
  const [store] = useState(() => createDesignerStore(body, (next) => report.current(next)));
  const state = useDesigner(store);
  const related = useRelationCandidates(body.entity);
  const [preview, setPreview] = useState<'off' | 'desktop' | 'mobile'>('off');
  const [dragging, setDragging] = useState<string | null>(null);
  const layout = state.body.layout;
  const selected = state.selected ? findElement(layout, state.selected) : undefined;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // Screen readers hear the element's own name (the field's label), in the UI's language.
  const dndNames = dndAccessibility(t, (id) => {
    const text = String(id);
    const element = findElement(layout, text.replace(/^container:/, ''));
    if (element) return elementLabel(element, entity, i18n.language, t);
    if (text === `container:${root}`) return t('formDesigner.canvas');
    return byLabel(id, undefined);
  });

  const editLayout = (edit: (layout: FormElement[]) => FormElement[], select?: string | null) =>
    store.change((b) => {
      const next = edit(b.layout);
      return next === b.layout ? b : { ...b, layout: next };
    }, select);

  /** Where «+» puts things: into the selected container (a block, the first column, the first tab), else the end. */
  const addTarget = (): { containerId: string; index: number } => {
    if (selected) {
      const inner = innerContainers(selected)[0];
      if (inner) return { containerId: inner.id, index: inner.children.length };
      const at = locate(layout, selected.id);
      if (at) return { containerId: at.containerId, index: at.index + 1 };
    }
    return { containerId: root, index: layout.length };
  };

  const create = (item: PaletteItem): FormElement =>
    item.kind === 'related'
      ? newRelatedElement(item.entity, item.field, layout)
      : item.kind === 'field'
        ? newFieldElement(item.field, layout)
        : newLayoutElement(item.kind, layout);

  const add = (item: PaletteItem) => {
    const element = create(item);
    const { containerId, index } = addTarget();
    editLayout((l) => insertElement(l, containerId, index, element), element.id);
  };

  const onDragStart = (event: DragStartEvent) => setDragging(String(event.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over) return;
    const target = over.data.current as DropTarget | undefined;
    if (!target) return;
    const palette = (active.data.current as { palette?: PaletteItem } | undefined)?.palette;
    const containerId = target.containerId;
    const children = childrenOf(layout, containerId) ?? [];
    if (palette) {
      const element = create(palette);
      const index = target.kind === 'element' ? target.index : children.length;
      editLayout((l) => insertElement(l, containerId, index, element), element.id);
      return;
    }
    const id = String(active.id);
    if (id === over.id) return;
    const from = locate(layout, id);
    let index = target.kind === 'element' ? target.index : children.length;
    // Dropping onto a later sibling puts the element after it, as in every sortable list.
    if (target.kind === 'element' && from?.containerId === containerId && from.index < target.index)
      index += 1;
    editLayout((l) => moveElement(l, id, containerId, index), id);
  };

  const moveSelected = (direction: -1 | 1) => {
    if (!selected) return;
    const at = locate(layout, selected.id);
    if (!at) return;
    const count = childrenOf(layout, at.containerId)?.length ?? 0;
    const to = at.index + direction;
    if (to < 0 || to >= count) return;
    editLayout((l) => moveElement(l, selected.id, at.containerId, direction > 0 ? to + 1 : to));
  };
  const removeSelected = () => selected && editLayout((l) => removeElement(l, selected.id), null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) store.redo();
        else store.undo();
      } else if (mod && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        store.redo();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && store.get().selected) {
        event.preventDefault();
        const id = store.get().selected as string;
        store.change((b) => ({ ...b, layout: removeElement(b.layout, id) }), null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const problemsById = useMemo(() => elementProblems(layout, problems), [layout, problems]);
  const choices = containerChoices(layout, (element, i) => {
    const name = elementLabel(element, entity, i18n.language, t);
    if (element.type === 'columns') return `${name} · ${t('formDesigner.columnN', { n: i + 1 })}`;
    if (element.type === 'tabs') return `${name} · ${element.tabs[i]?.title.ru ?? i + 1}`;
    return name;
  });
  const moveTargets = selected && (
    <select
      aria-label={t('formDesigner.moveTo')}
      value=""
      onChange={(e) => {
        const containerId = e.target.value;
        editLayout((l) => moveElement(l, selected.id, containerId, childrenOf(l, containerId)?.length ?? 0));
      }}
    >
      <option value="">{t('formDesigner.moveTo')}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.id === root ? t('formDesigner.formRoot') : c.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="form-designer" data-testid="form-designer">
      <div className="toolbar fd-toolbar">
        <UndoRedoButtons
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          testIdPrefix="fd"
        />
        <label className="fd-purpose">
          {t('formDesigner.purpose')}
          <select
            data-testid="fd-purpose"
            value={state.body.purpose}
            onChange={(e) => {
              const purpose = e.target.value as FormBody['purpose'];
              store.change((b) => ({ ...b, purpose }));
            }}
          >
            {(['create', 'edit', 'card', 'portal'] as const).map((purpose) => (
              <option key={purpose} value={purpose}>
                {t(`formDesigner.purposes.${purpose}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <fieldset className="segmented" aria-label={t('formDesigner.preview')}>
          {(['off', 'desktop', 'mobile'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={preview === mode ? 'btn primary' : 'btn'}
              aria-pressed={preview === mode}
              data-testid={`fd-preview-${mode}`}
              onClick={() => setPreview(mode)}
            >
              {t(`formDesigner.previewMode.${mode}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {preview !== 'off' ? (
        <div className="fd-preview-stage">
          <FormPreview entity={entity} body={state.body} width={preview === 'desktop' ? 960 : 375} />
        </div>
      ) : (
        <DndContext
          accessibility={dndNames}
          sensors={sensors}
          collisionDetection={innermost}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
        >
          <div className="fd-grid">
            <Palette entity={entity} placed={placedFields(layout)} related={related} onAdd={add} />
            <section
              className="fd-canvas"
              aria-label={t('formDesigner.canvas')}
              onClick={() => store.select(null)}
              onKeyDown={() => undefined}
            >
              <ContainerView
                containerId={root}
                items={layout}
                entity={entity}
                selected={state.selected}
                onSelect={(id) => store.select(id)}
                problems={problemsById}
              />
            </section>
            <PropertiesPanel
              element={selected}
              entity={entity}
              onChange={(patch) => selected && editLayout((l) => updateElement(l, selected.id, patch))}
              onRemove={removeSelected}
              onMove={moveSelected}
              moveTargets={moveTargets}
            />
          </div>
          <DragOverlay>
            {dragging ? (
              <div className="fd-drag-ghost">{dragging.replace(/^palette:(field:)?/, '')}</div>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}
    </div>
  );
}

/** Server and local problems pointing into the layout, by the id of the element they concern. */
function elementProblems(layout: FormElement[], problems: EditorProblem[]): Map<string, string> {
  const byPointer = new Map<string, string>();
  for (const { element, pointer } of walkLayout(layout)) byPointer.set(pointer, element.id);
  const result = new Map<string, string>();
  for (const problem of problems) {
    if (!problem.pointer?.startsWith('/layout/')) continue;
    // The longest element pointer that prefixes the problem's pointer is the element at fault.
    let at = problem.pointer;
    while (at && !byPointer.has(at)) at = at.slice(0, at.lastIndexOf('/'));
    const id = byPointer.get(at);
    if (id && !result.has(id)) result.set(id, problem.message);
  }
  return result;
}
