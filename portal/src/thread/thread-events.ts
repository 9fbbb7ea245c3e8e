import { createStore, useStore } from '../lib/store';

/**
 * Bumped when the live connection pushes a message of some conversation (or came back and may have missed one):
 * an open thread puts it in its load dependencies and reads its messages again.
 */
const arrivals = createStore(0);

export function threadMessageArrived(): void {
  arrivals.set((n) => n + 1);
}

export const useThreadArrivals = (): number => useStore(arrivals);
