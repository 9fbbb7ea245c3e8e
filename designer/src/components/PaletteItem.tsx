import { useDraggable } from '@dnd-kit/core';
import { useDragHandleAttributes } from '../lib/dnd-accessibility';

/**
 * One entry of a designer's palette: a grip to drag it onto the canvas (dnd-kit, keyboard too), its name and a
 * line about it, and «+» to add it without dragging. `dragLabel` and `addLabel` name the two buttons.
 */
export function PaletteItem({
  dragId,
  dragData,
  testId,
  label,
  detail,
  dragLabel,
  addLabel,
  onAdd,
}: {
  dragId: string;
  dragData: Record<string, unknown>;
  testId: string;
  label: string;
  detail?: string;
  dragLabel: string;
  addLabel: string;
  onAdd: () => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: dragId,
    data: dragData,
    attributes: useDragHandleAttributes(),
  });
  return (
    <li className={isDragging ? 'fd-palette-item dragging' : 'fd-palette-item'} data-testid={testId}>
      <button
        type="button"
        ref={setNodeRef}
        className="fd-grip"
        {...attributes}
        {...listeners}
        aria-label={dragLabel}
      >
        ⠿
      </button>
      <span className="fd-palette-label" title={detail}>
        {label}
        {detail && <small>{detail}</small>}
      </span>
      <button
        type="button"
        className="btn ghost fd-add"
        onClick={onAdd}
        aria-label={addLabel}
        title={addLabel}
      >
        +
      </button>
    </li>
  );
}
