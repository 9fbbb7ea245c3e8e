import type { Clock } from '@opora/runtime/engine';

export type { Clock } from '@opora/runtime/engine';

/**
 * The wall clock, the one place the server reads the time of day. Everything else takes a `Clock` (`app.clock`),
 * so tests and replays can fix the time. Elapsed times (timeouts, cache ages) use `performance.now()` instead:
 * they must not jump when the wall clock is set.
 */
export const systemClock: Clock = { now: () => Date.now() };

/** The clock's time as a Date, for timestamps written to the database. */
export const dateOf = (clock: Clock): Date => new Date(clock.now());
