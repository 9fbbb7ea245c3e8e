import { createStore } from '../lib/store';

/** The requests' open counts by queue, for the queue tabs' counters (dialogs and requests together). */
export const requestCountsStore = createStore<{ team: number | null; mine: number | null }>({
  team: null,
  mine: null,
});

/** Bumped when the server says a request changed: lists and counters of requests read themselves again. */
export const requestChangesStore = createStore(0);

let pending: ReturnType<typeof setTimeout> | null = null;

/** A request changed somewhere; a burst of saves (a bulk edit) makes one refresh, not one per record. */
export function noteRequestChanged(): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    requestChangesStore.set((n) => n + 1);
  }, 500);
}
