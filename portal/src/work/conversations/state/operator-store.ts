import type { OperatorProfile, OperatorStatus, QueueCounts } from '@opora/sdk';
import { client } from '../../../lib/api';
import { createStore } from '../../../lib/store';

export interface OperatorState {
  profile: OperatorProfile | null;
  counts: QueueCounts;
  /** Why the last status change failed, for the switch to show. */
  error: unknown;
}

/** The signed-in operator's status and the «На мне» / «На команде» counters, refreshed on every live change. */
export const operatorStore = createStore<OperatorState>({
  profile: null,
  counts: { mine: 0, team: 0 },
  error: null,
});

let round = 0;

export async function refreshOperator(): Promise<void> {
  const mine = ++round;
  try {
    const me = await client.distribution.me();
    if (mine === round) operatorStore.set((s) => ({ ...s, profile: me.profile, counts: me.counts }));
  } catch {
    // The counters keep their last figures; the next live change tries again.
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Many changes in a burst (a queue moving) read the counters once. */
export function refreshOperatorSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refreshOperator(), 300);
}

export async function setStatus(status: OperatorStatus, auto = false): Promise<void> {
  try {
    const profile = await client.distribution.setStatus(status, auto);
    operatorStore.set((s) => ({ ...s, profile, error: null }));
    refreshOperatorSoon();
  } catch (error) {
    operatorStore.set((s) => ({ ...s, error }));
  }
}
