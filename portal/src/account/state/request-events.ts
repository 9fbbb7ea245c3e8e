import { createStore, useStore } from '../../lib/store';

/**
 * Bumped whenever the server says one of the client's requests changed (or the live connection came back and
 * may have missed something): lists and details put it in their load dependencies and fetch again.
 */
const revision = createStore(0);

export function requestChanged(): void {
  revision.set((n) => n + 1);
}

/** A number that changes when the client's requests should be fetched again. */
export const useRequestsRevision = (): number => useStore(revision);
