import type { FormBody } from '@opora/runtime/definitions';
import { EditHistory, type EditHistoryState, useEditHistory } from '../state/edit-history';

export type DesignerStore = EditHistory<FormBody>;
export type DesignerState = EditHistoryState<FormBody>;

/**
 * The form designer's state outside React: the form body with its undo history (as operations) and the selected
 * element, which undo and redo leave as it is.
 */
export const createDesignerStore = (body: FormBody, onBody: (body: FormBody) => void): DesignerStore =>
  new EditHistory(body, onBody, { onTravel: (_, current) => current });

export const useDesigner = (store: DesignerStore): DesignerState => useEditHistory(store);
