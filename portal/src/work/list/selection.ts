import { createStore } from '../../lib/store';

/** Records ticked in a list, for bulk actions; cleared whenever the list shows something else. */
export const selection = createStore<{ list: string; ids: ReadonlySet<string> }>({
  list: '',
  ids: new Set(),
});

export const selectedIn = (list: string): ReadonlySet<string> => {
  const current = selection.get();
  return current.list === list ? current.ids : new Set();
};

export function toggle(list: string, ids: string[], on: boolean): void {
  const next = new Set(selectedIn(list));
  for (const id of ids)
    if (on) next.add(id);
    else next.delete(id);
  selection.set({ list, ids: next });
}

export const clearSelection = (): void => selection.set({ list: '', ids: new Set() });
