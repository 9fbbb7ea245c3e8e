import { createStore } from '../lib/store';

/** The requests' open counts by queue, for the queue tabs' counters (dialogs and requests together). */
export const requestCountsStore = createStore<{ team: number | null; mine: number | null }>({
  team: null,
  mine: null,
});
