import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { EntityBody, FormElement } from '@opora/runtime/definitions';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDragHandleAttributes } from '../lib/dnd-accessibility';
import { elementLabel, fieldOf, pickText } from './labels';

export interface CanvasProps {
  entity: EntityBody;
  selected: string | null;
  onSelect: (id: string) => void;
  /** Problems by element id (bad expressions, missing fields), shown on the element. */
  problems: Map<string, string>;
}

/** Drop data: dropping on an element puts the dragged one before it; on a container, at its end. */
export type DropTarget =
  | { kind: 'element'; containerId: string; index: number }
  | { kind: 'container'; containerId: string };

/** A place elements go into (the form itself, a block, a column, a tab), sortable and a drop zone. */
export function ContainerView({
  containerId,
  items,
  ...props
}: CanvasProps & { containerId: string; items: FormElement[] }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({
    id: `container:${containerId}`,
    data: { kind: 'container', containerId } satisfies DropTarget,
  });
  return (
    <SortableContext items={items.map((e) => e.id)} strategy={verticalListSortingStrategy}>
      <div
        ref={setNodeRef}
        className={isOver ? 'fd-container over' : 'fd-container'}
        data-container={containerId}
      >
        {items.length === 0 && <div className="fd-empty">{t('formDesigner.dropHere')}</div>}
        {items.map((element, index) => (
          <ElementView
            key={element.id}
            element={element}
            containerId={containerId}
            index={index}
            {...props}
          />
        ))}
      </div>
    </SortableContext>
  );
}

function ElementView({
  element,
  containerId,
  index,
  ...props
}: CanvasProps & { element: FormElement; containerId: string; index: number }) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: element.id,
    data: { kind: 'element', containerId, index } satisfies DropTarget,
    attributes: useDragHandleAttributes(),
  });
  const label = elementLabel(element, props.entity, i18n.language, t);
  const selected = props.selected === element.id;
  const problem = props.problems.get(element.id);
  const width = element.type === 'field' ? (element.width ?? 'full') : 'full';
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={[
        'fd-element',
        `fd-${element.type}`,
        `fd-w-${width}`,
        selected ? 'selected' : '',
        isDragging ? 'dragging' : '',
        problem ? 'has-problem' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-testid={`canvas-${element.id}`}
    >
      <div className="fd-element-head">
        <button
          type="button"
          className="fd-grip"
          {...attributes}
          {...listeners}
          aria-label={t('formDesigner.dragLabel', { label })}
        >
          ⠿
        </button>
        <button
          type="button"
          className="fd-element-title"
          onClick={(event) => {
            // The canvas behind deselects on click; this click selects.
            event.stopPropagation();
            props.onSelect(element.id);
          }}
          aria-pressed={selected}
        >
          {label}
          {element.type === 'field' && <FieldMarks element={element} entity={props.entity} />}
        </button>
      </div>
      {problem && <div className="field-error">{problem}</div>}
      <ElementBody element={element} {...props} />
    </div>
  );
}

function FieldMarks({
  element,
  entity,
}: {
  element: Extract<FormElement, { type: 'field' }>;
  entity: EntityBody;
}) {
  const { t } = useTranslation();
  const field = fieldOf(entity, element.field);
  const marks: [string, string][] = [];
  if (field?.required || element.required) marks.push(['*', t('formDesigner.mark.required')]);
  if (element.visibleIf) marks.push(['⚑', t('formDesigner.mark.condition')]);
  if (element.computed) marks.push(['ƒ', t('formDesigner.mark.computed')]);
  if (element.readOnly) marks.push(['⊝', t('formDesigner.mark.readOnly')]);
  if (element.hidden) marks.push(['⦸', t('formDesigner.mark.hidden')]);
  return (
    <span className="fd-marks">
      <small className="muted">
        {field ? t(`formDesigner.fieldType.${field.type}`, { defaultValue: field.type }) : element.field}
      </small>
      {marks.map(([mark, title]) => (
        <abbr key={mark} title={title}>
          {mark}
        </abbr>
      ))}
    </span>
  );
}

function ElementBody({ element, ...props }: CanvasProps & { element: FormElement }) {
  const { i18n } = useTranslation();
  const [activeTab, setActiveTab] = useState(0);
  switch (element.type) {
    case 'block':
      return <ContainerView containerId={element.id} items={element.children as FormElement[]} {...props} />;
    case 'columns':
      return (
        <div
          className="fd-columns-grid"
          // A variable, not the property itself, so a phone's stylesheet can stack the columns.
          style={
            {
              '--fd-columns': element.columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' '),
            } as CSSProperties
          }
        >
          {element.columns.map((column) => (
            <ContainerView
              key={column.id}
              containerId={column.id}
              items={column.children as FormElement[]}
              {...props}
            />
          ))}
        </div>
      );
    case 'tabs': {
      const tab = element.tabs[Math.min(activeTab, element.tabs.length - 1)];
      return (
        <div className="fd-tabs-body">
          <div className="fd-tab-heads" role="tablist">
            {element.tabs.map((item, i) => (
              <button
                key={item.id}
                type="button"
                role="tab"
                aria-selected={item === tab}
                className={item === tab ? 'tab active' : 'tab'}
                onClick={(event) => {
                  event.stopPropagation();
                  setActiveTab(i);
                }}
              >
                {pickText(item.title, i18n.language)}
              </button>
            ))}
          </div>
          {tab && <ContainerView containerId={tab.id} items={tab.children as FormElement[]} {...props} />}
        </div>
      );
    }
    case 'divider':
      return <hr />;
    default:
      return null;
  }
}
