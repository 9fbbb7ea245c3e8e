/**
 * Runs `fn` at most once per `ms`: a call inside the window is remembered and runs once when the window ends, so a
 * burst of live events costs one refetch, and the last event is never lost.
 */
export function throttle(fn: () => void, ms: number, timers = { setTimeout, clearTimeout, now: Date.now }) {
  let last = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    pending = null;
    last = timers.now();
    fn();
  };
  return {
    call() {
      if (pending) return;
      const wait = last + ms - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      if (pending) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
