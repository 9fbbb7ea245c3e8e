export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  now(): number;
}

// Called as methods of this object, the browser's timers would throw «Illegal invocation»: wrap, never pass them bare.
const browserTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * Runs `fn` at most once per `ms`: a call inside the window is remembered and runs once when the window ends, so a
 * burst of live events costs one refetch, and the last event is never lost.
 */
export function throttle(fn: () => void, ms: number, timers: Timers = browserTimers) {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const run = () => {
    pending = null;
    last = timers.now();
    fn();
  };
  return {
    call() {
      if (pending !== null) return;
      const wait = last + ms - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
