/** Waits before reconnecting: 1 s, 2 s, 4 s … up to 30 s, each randomised to between half and all of it. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(attempt, 10)));
  // Jitter keeps a restarted server from being hit by every open portal tab in the same millisecond.
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
