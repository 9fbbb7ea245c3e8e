import type { ProcessBody } from '@opora/runtime/definitions';
import { EditHistory, type EditHistoryState, useEditHistory } from '../state/edit-history';
import { selectionExists } from './process-ops';

export type ProcessStore = EditHistory<ProcessBody>;
export type ProcessDesignerState = EditHistoryState<ProcessBody>;

const keep = (body: ProcessBody, id: string | null): string | null =>
  id && selectionExists(body, id) ? id : null;

/**
 * The process designer's state outside React: the body (the source of truth) with its undo history, and the
 * selection — a node id or `flow:<id>`. Undo, redo and a reload keep the selection while what it names exists.
 */
export const createProcessStore = (body: ProcessBody, onBody: (body: ProcessBody) => void): ProcessStore =>
  new EditHistory(body, onBody, {
    onTravel: (next, current, recorded) => keep(next, recorded) ?? keep(next, current),
    onReset: keep,
  });

export const useProcessStore = (store: ProcessStore): ProcessDesignerState => useEditHistory(store);
