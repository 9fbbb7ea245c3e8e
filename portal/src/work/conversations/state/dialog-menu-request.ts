import { createStore } from '../../../lib/store';

/** A request (Alt+T) to open a dialog's menu of actions — return and transfer — wherever its row is shown. */
export const dialogMenuRequest = createStore<{ id: string; n: number } | null>(null);

export function askDialogMenu(id: string): void {
  dialogMenuRequest.set((last) => ({ id, n: (last?.n ?? 0) + 1 }));
}
