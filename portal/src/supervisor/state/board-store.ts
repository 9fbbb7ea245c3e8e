import type { SlaBreachPage, SupervisorBoard } from '@opora/sdk';
import { client } from '../../lib/api';
import { createStore } from '../../lib/store';

export interface BoardState {
  board: SupervisorBoard | null;
  breaches: SlaBreachPage | null;
  error: unknown;
  /** The server's clock minus the browser's (ms): local timers count in the server's time. */
  skew: number;
}

export const boardStore = createStore<BoardState>({ board: null, breaches: null, error: null, skew: 0 });

export const breachesPageSize = 20;
let breachesOffset = 0;
let asked = 0;

/** Reads the board and the current page of breaches; an older answer arriving late never replaces a newer one. */
export async function loadBoard(): Promise<void> {
  const ticket = ++asked;
  try {
    const [board, breaches] = await Promise.all([
      client.supervisor.board(),
      client.supervisor.breaches({ limit: breachesPageSize, offset: breachesOffset }),
    ]);
    if (ticket !== asked) return;
    boardStore.set({ board, breaches, error: null, skew: Date.parse(board.now) - Date.now() });
  } catch (error) {
    if (ticket === asked) boardStore.set((state) => ({ ...state, error }));
  }
}

/** Turns the breaches' page (newer or older). */
export function pageBreaches(offset: number): Promise<void> {
  breachesOffset = Math.max(0, offset);
  return loadBoard();
}
