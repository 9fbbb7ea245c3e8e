import type { PageBody, PageColumn, PageWidget } from '@opora/runtime/definitions';
import type { WidgetPlace } from './page-ops';

/** Where a widget sits: row, column and position in the column. */
export function locateWidget(body: PageBody, widgetId: string): WidgetPlace | undefined {
  for (const [rowIndex, row] of body.rows.entries())
    for (const [columnIndex, column] of row.columns.entries()) {
      const index = column.widgets.findIndex((w) => w.id === widgetId);
      if (index >= 0) return { rowIndex, columnId: column.id, columnIndex, index };
    }
  return undefined;
}

export function findWidget(body: PageBody, widgetId: string): PageWidget | undefined {
  const at = locateWidget(body, widgetId);
  return at && body.rows[at.rowIndex]?.columns[at.columnIndex]?.widgets[at.index];
}

export function findColumn(body: PageBody, columnId: string): PageColumn | undefined {
  for (const row of body.rows) for (const column of row.columns) if (column.id === columnId) return column;
  return undefined;
}

/** Columns in reading order: row by row, left to right (where «move to the next column» goes). */
export const columnsInOrder = (body: PageBody): PageColumn[] => body.rows.flatMap((r) => r.columns);

function mapColumns(body: PageBody, edit: (column: PageColumn) => PageColumn): PageBody {
  let changed = false;
  const rows = body.rows.map((row) => {
    let rowChanged = false;
    const columns = row.columns.map((column) => {
      const next = edit(column);
      if (next !== column) rowChanged = true;
      return next;
    });
    if (!rowChanged) return row;
    changed = true;
    return { ...row, columns };
  });
  return changed ? { ...body, rows } : body;
}

export function insertWidget(body: PageBody, columnId: string, index: number, widget: PageWidget): PageBody {
  return mapColumns(body, (column) => {
    if (column.id !== columnId) return column;
    const widgets = [...column.widgets];
    widgets.splice(Math.max(0, Math.min(index, widgets.length)), 0, widget);
    return { ...column, widgets };
  });
}

export function removeWidget(body: PageBody, widgetId: string): PageBody {
  return mapColumns(body, (column) =>
    column.widgets.some((w) => w.id === widgetId)
      ? { ...column, widgets: column.widgets.filter((w) => w.id !== widgetId) }
      : column,
  );
}

/**
 * Moves a widget into `columnId` at `index`, counted in the target column as it is *before* the move
 * (so dropping on the slot after a widget of the same column works as in any sortable list).
 */
export function moveWidget(body: PageBody, widgetId: string, columnId: string, index: number): PageBody {
  const from = locateWidget(body, widgetId);
  const widget = findWidget(body, widgetId);
  if (!from || !widget || !findColumn(body, columnId)) return body;
  const target = from.columnId === columnId && from.index < index ? index - 1 : index;
  if (from.columnId === columnId && from.index === target) return body;
  return insertWidget(removeWidget(body, widgetId), columnId, target, widget);
}

/** Replaces a widget's settings (its type stays). */
export function updateWidgetConfig(body: PageBody, widgetId: string, config: PageWidget['config']): PageBody {
  return mapColumns(body, (column) =>
    column.widgets.some((w) => w.id === widgetId)
      ? {
          ...column,
          widgets: column.widgets.map((w) => (w.id === widgetId ? ({ ...w, config } as PageWidget) : w)),
        }
      : column,
  );
}

/** One step up/down in its column, or to the end of the previous/next column (keyboard alternative to dragging). */
export function nudgeWidget(
  body: PageBody,
  widgetId: string,
  direction: 'up' | 'down' | 'left' | 'right',
): PageBody {
  const at = locateWidget(body, widgetId);
  if (!at) return body;
  if (direction === 'up' || direction === 'down') {
    const count = findColumn(body, at.columnId)?.widgets.length ?? 0;
    const to = at.index + (direction === 'up' ? -1 : 1);
    if (to < 0 || to >= count) return body;
    return moveWidget(body, widgetId, at.columnId, direction === 'down' ? to + 1 : to);
  }
  const columns = columnsInOrder(body);
  const here = columns.findIndex((c) => c.id === at.columnId);
  const next = columns[here + (direction === 'left' ? -1 : 1)];
  return next ? moveWidget(body, widgetId, next.id, next.widgets.length) : body;
}
