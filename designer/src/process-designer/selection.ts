/**
 * The designer's selection is one string in its store (so undo and redo bring it back with the step): a node id,
 * `flow:<id>`, `lane:<id>`, or several of them joined by spaces (element ids never hold a space).
 */
export const selectionIds = (selection: string | null): string[] =>
  selection ? selection.split(' ').filter(Boolean) : [];

export const selectionOf = (ids: readonly string[]): string | null =>
  ids.length ? [...new Set(ids)].join(' ') : null;

/** Shift+click: adds `id` to the selection, or takes it out when it is there. */
export function toggleSelected(selection: string | null, id: string): string | null {
  const ids = selectionIds(selection);
  return selectionOf(ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]);
}

/** One element selected: its canvas id; none or several: null. */
export const singleSelected = (selection: string | null): string | null => {
  const ids = selectionIds(selection);
  return ids.length === 1 ? (ids[0] as string) : null;
};
