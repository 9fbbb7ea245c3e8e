import type { ProcessBody } from '@opora/runtime/definitions';
import { EditHistory, type EditHistoryState, useEditHistory } from '../state/edit-history';
import { keepSelection } from './selection-ops';

export type ProcessStore = EditHistory<ProcessBody>;
export type ProcessDesignerState = EditHistoryState<ProcessBody>;

/**
 * The process designer's state outside React: the body (the source of truth) with its undo history, and the
 * selection (see `selection.ts`). Undo, redo and a reload keep what of the selection still exists.
 */
export const createProcessStore = (body: ProcessBody, onBody: (body: ProcessBody) => void): ProcessStore =>
  new EditHistory(body, onBody, {
    onTravel: (next, current, recorded) => keepSelection(next, recorded) ?? keepSelection(next, current),
    onReset: keepSelection,
  });

export const useProcessStore = (store: ProcessStore): ProcessDesignerState => useEditHistory(store);
