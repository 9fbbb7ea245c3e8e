import type { PageBody, PageColumn, PageRow } from '@opora/runtime/definitions';

/** Column width presets offered for a row, out of 12 (the portal's grid). */
export const widthPresets: readonly (readonly number[])[] = [[12], [6, 6], [4, 4, 4], [8, 4], [3, 3, 3, 3]];
export const maxColumns = 4;
const equalWidths: Record<number, number[]> = { 1: [12], 2: [6, 6], 3: [4, 4, 4], 4: [3, 3, 3, 3] };

export interface WidgetPlace {
  rowIndex: number;
  columnId: string;
  columnIndex: number;
  index: number;
}

/** Every row, column and widget id on the page (they share one namespace, see page-semantics). */
export function usedIds(body: PageBody): Set<string> {
  const ids = new Set<string>();
  for (const row of body.rows) {
    ids.add(row.id);
    for (const column of row.columns) {
      ids.add(column.id);
      for (const widget of column.widgets) ids.add(widget.id);
    }
  }
  return ids;
}

/** A readable id not used yet: `base`, then `base-2`, `base-3`… (also avoiding ids in `also`). */
export function freshId(body: PageBody, base: string, also: Set<string> = new Set()): string {
  const used = usedIds(body);
  const taken = (id: string) => used.has(id) || also.has(id);
  const clean = base.replace(/[^a-zA-Z0-9_-]/g, '-').slice(0, 50) || 'item';
  if (!taken(clean)) return clean;
  for (let n = 2; ; n++) if (!taken(`${clean}-${n}`)) return `${clean}-${n}`;
}

function newColumns(body: PageBody, widths: readonly number[], also: Set<string>): PageColumn[] {
  return widths.map((width) => {
    const id = freshId(body, 'column', also);
    also.add(id);
    return { id, width, widgets: [] };
  });
}

/** Adds an empty row at `index` (the end by default); answers the new body and the row's id. */
export function addRow(
  body: PageBody,
  index = body.rows.length,
  widths: readonly number[] = [12],
): { body: PageBody; rowId: string } {
  const also = new Set<string>();
  const rowId = freshId(body, 'row', also);
  also.add(rowId);
  const row: PageRow = { id: rowId, columns: newColumns(body, widths, also) };
  const rows = [...body.rows];
  rows.splice(Math.max(0, Math.min(index, rows.length)), 0, row);
  return { body: { ...body, rows }, rowId };
}

export function removeRow(body: PageBody, rowId: string): PageBody {
  const rows = body.rows.filter((r) => r.id !== rowId);
  return rows.length === body.rows.length ? body : { ...body, rows };
}

/** Puts the row at final position `to` (clamped). */
export function moveRow(body: PageBody, rowId: string, to: number): PageBody {
  const from = body.rows.findIndex((r) => r.id === rowId);
  const target = Math.max(0, Math.min(to, body.rows.length - 1));
  if (from < 0 || from === target) return body;
  const rows = [...body.rows];
  const [row] = rows.splice(from, 1);
  rows.splice(target, 0, row as PageRow);
  return { ...body, rows };
}

function mapRow(body: PageBody, rowId: string, edit: (row: PageRow) => PageRow): PageBody {
  let changed = false;
  const rows = body.rows.map((row) => {
    if (row.id !== rowId) return row;
    const next = edit(row);
    changed = next !== row;
    return next;
  });
  return changed ? { ...body, rows } : body;
}

/**
 * Gives the row one column per width. Extra columns are added empty; the widgets of columns that go away
 * move into the last column kept, so changing the layout never loses a widget.
 */
export function setColumnWidths(body: PageBody, rowId: string, widths: readonly number[]): PageBody {
  if (widths.length < 1 || widths.length > maxColumns) return body;
  const clamped = widths.map((w) => Math.max(1, Math.min(12, Math.round(w))));
  return mapRow(body, rowId, (row) => {
    const kept = row.columns.slice(0, clamped.length).map((c, i) => ({ ...c, width: clamped[i] as number }));
    const dropped = row.columns.slice(clamped.length).flatMap((c) => c.widgets);
    if (dropped.length) {
      const last = kept[kept.length - 1] as PageColumn;
      kept[kept.length - 1] = { ...last, widgets: [...last.widgets, ...dropped] };
    }
    const added = newColumns(body, clamped.slice(kept.length), new Set());
    const columns = [...kept, ...added];
    const same =
      columns.length === row.columns.length &&
      columns.every((c, i) => c.width === row.columns[i]?.width && c.widgets === row.columns[i]?.widgets);
    return same ? row : { ...row, columns };
  });
}

/** Adds a column to the end of the row and spreads the widths evenly. */
export function addColumn(body: PageBody, rowId: string): PageBody {
  const row = body.rows.find((r) => r.id === rowId);
  if (!row || row.columns.length >= maxColumns) return body;
  return setColumnWidths(body, rowId, equalWidths[row.columns.length + 1] as number[]);
}

/** Removes a column (not a row's last one); its widgets and its width go to the column before it (or after). */
export function removeColumn(body: PageBody, columnId: string): PageBody {
  const row = body.rows.find((r) => r.columns.some((c) => c.id === columnId));
  if (!row || row.columns.length < 2) return body;
  const at = row.columns.findIndex((c) => c.id === columnId);
  const gone = row.columns[at] as PageColumn;
  const heir = at > 0 ? at - 1 : 1;
  return mapRow(body, row.id, (r) => ({
    ...r,
    columns: r.columns.flatMap((c, i) => {
      if (i === at) return [];
      if (i !== heir) return [c];
      const widgets = heir < at ? [...c.widgets, ...gone.widgets] : [...gone.widgets, ...c.widgets];
      return [{ ...c, width: Math.min(12, c.width + gone.width), widgets }];
    }),
  }));
}

export function setColumnWidth(body: PageBody, columnId: string, width: number): PageBody {
  const row = body.rows.find((r) => r.columns.some((c) => c.id === columnId));
  if (!row) return body;
  return setColumnWidths(
    body,
    row.id,
    row.columns.map((c) => (c.id === columnId ? width : c.width)),
  );
}

export const widthSum = (row: PageRow): number => row.columns.reduce((sum, c) => sum + c.width, 0);
