import type { TreeBody } from '@opora/runtime/definitions';
import { EditHistory, type EditHistoryState, useEditHistory } from '../state/edit-history';

export type TreeStore = EditHistory<TreeBody>;
export type TreeDesignerState = EditHistoryState<TreeBody>;

const keepSelection = (body: TreeBody, id: string | null): string | null =>
  id && body.nodes.some((n) => n.id === id) ? id : null;

/**
 * The tree designer's state outside React: the body with its undo history (as operations) and the selected node.
 * Undo, redo and a reload keep the selected node while it exists.
 */
export const createTreeStore = (body: TreeBody, onBody: (body: TreeBody) => void): TreeStore =>
  new EditHistory(body, onBody, {
    // A node renamed by its title comes back under its old id on undo: the recorded selection finds it.
    onTravel: (next, current, recorded) => keepSelection(next, current) ?? keepSelection(next, recorded),
    onReset: keepSelection,
  });

export const useTreeStore = (store: TreeStore): TreeDesignerState => useEditHistory(store);
