import {
  type CollisionDetection,
  closestCenter,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  pointerWithin,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { PageBody, PageWidgetType } from '@opora/runtime/definitions';
import { moveRow } from './page-ops';
import type { PageLookups } from './use-page-lookups';
import { newWidget } from './widget-factory';
import { findColumn, insertWidget, locateWidget, moveWidget } from './widget-ops';

/** What is being dragged: a palette entry, a widget on the canvas, or a whole row. */
export type DragData =
  | { kind: 'palette'; type: PageWidgetType }
  | { kind: 'widget'; columnId: string; index: number }
  | { kind: 'row'; index: number };

/** Where it is dropped: on a widget (before it), on a column (at its end), on a row (into its place). */
export type DropData =
  | { kind: 'widget'; columnId: string; index: number }
  | { kind: 'column'; columnId: string }
  | { kind: 'row'; index: number };

const accepts = (drag: DragData | undefined, drop: DropData | undefined): boolean =>
  !!drag && !!drop && (drag.kind === 'row' ? drop.kind === 'row' : drop.kind !== 'row');

/**
 * Rows only land on rows, widgets only on widgets and columns; among the zones under the pointer the smallest
 * one is meant (a widget inside its column). The keyboard sensor has no pointer: closest centre then.
 */
export const pageCollisions: CollisionDetection = (args) => {
  const drag = args.active.data.current as DragData | undefined;
  const droppableContainers = args.droppableContainers.filter((c: DroppableContainer) =>
    accepts(drag, c.data.current as DropData | undefined),
  );
  const scoped = { ...args, droppableContainers };
  const hits = pointerWithin(scoped);
  if (!hits.length) return closestCenter(scoped);
  const area = (id: string | number) => {
    const rect = args.droppableRects.get(id);
    return rect ? rect.width * rect.height : Number.POSITIVE_INFINITY;
  };
  return [...hits].sort((a, b) => area(a.id) - area(b.id));
};

/**
 * The keyboard sensor's moves (arrows while a grip is picked up with Space) go from one *fitting* place to the
 * next: a row steps over rows, not into the widgets inside the neighbouring row.
 */
export const pageKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, droppableContainers } = args.context;
  const drag = active?.data.current as DragData | undefined;
  // sortableKeyboardCoordinates reads only getEnabled() and get() of the containers map.
  const scoped = {
    getEnabled: () =>
      droppableContainers.getEnabled().filter((c) => accepts(drag, c.data.current as DropData | undefined)),
    get: (id: string | number) => droppableContainers.get(id),
  } as unknown as typeof droppableContainers;
  return sortableKeyboardCoordinates(event, {
    ...args,
    context: { ...args.context, droppableContainers: scoped },
  });
};

/** The page after a drop, and the widget to select (the one placed), or null when nothing changes. */
export function applyDrop(
  body: PageBody,
  activeId: string,
  drag: DragData | undefined,
  drop: DropData | undefined,
  lookups: PageLookups,
): { body: PageBody; select?: string } | null {
  if (!drag || !drop || !accepts(drag, drop)) return null;
  if (drag.kind === 'row') {
    if (drop.kind !== 'row') return null;
    const rowId = body.rows[drag.index]?.id;
    const next = rowId ? moveRow(body, rowId, drop.index) : body;
    return next === body ? null : { body: next };
  }
  if (drop.kind === 'row') return null;
  const column = findColumn(body, drop.columnId);
  if (!column) return null;
  if (drag.kind === 'palette') {
    const widget = newWidget(drag.type, body, lookups);
    const index = drop.kind === 'widget' ? drop.index : column.widgets.length;
    return { body: insertWidget(body, drop.columnId, index, widget), select: widget.id };
  }
  if (activeId === '' || !locateWidget(body, activeId)) return null;
  const from = locateWidget(body, activeId);
  let index = drop.kind === 'widget' ? drop.index : column.widgets.length;
  // Dropping onto a later widget of the same column puts the dragged one after it, as in any sortable list.
  if (drop.kind === 'widget' && from?.columnId === drop.columnId && from.index < drop.index) index += 1;
  const next = moveWidget(body, activeId, drop.columnId, index);
  return next === body ? null : { body: next, select: activeId };
}
