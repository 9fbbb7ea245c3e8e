import type { PageBody, PageWidget } from '@opora/runtime/definitions';
import { addRow } from './page-ops';
import { findColumn, insertWidget, locateWidget } from './widget-ops';

/**
 * Where «+» in the palette puts a widget: right after the selected widget; else at the end of the chosen
 * column (the last column of the page when none was chosen); on an empty page, into a new row.
 */
export function placeWidget(
  body: PageBody,
  widget: PageWidget,
  where: { afterWidget?: string | null; column?: string | null },
): PageBody {
  const at = where.afterWidget ? locateWidget(body, where.afterWidget) : undefined;
  if (at) return insertWidget(body, at.columnId, at.index + 1, widget);
  const column = (where.column && findColumn(body, where.column)) || body.rows.at(-1)?.columns.at(-1);
  if (column) return insertWidget(body, column.id, column.widgets.length, widget);
  const { body: withRow, rowId } = addRow(body);
  const first = withRow.rows.find((r) => r.id === rowId)?.columns[0]?.id as string;
  return insertWidget(withRow, first, 0, widget);
}
