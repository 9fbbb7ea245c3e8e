import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface StallWatchTimes {
  /** How long a request may go unanswered before the log says so: past any visitor's patience, so never noise. */
  stalledAfterMs: number;
  checkEveryMs: number;
}

const watchTimes: StallWatchTimes = { stalledAfterMs: 15_000, checkEveryMs: 5_000 };
/** Requests watched at once: a server that has stopped answering must not also grow without bound. */
const maxWatched = 10_000;

/**
 * Writes a warning to the log when requests have gone unanswered for long, with what the database is waiting on
 * (`describeWaits`): a server that has stopped answering (a statement that never ends, a pool that never frees
 * a connection) otherwise shows nothing at all. Each request is told once. WebSocket connections live long by
 * design and are not watched.
 */
export function registerStalledRequestWatch(
  app: FastifyInstance,
  describeWaits: () => string,
  { stalledAfterMs, checkEveryMs }: StallWatchTimes = watchTimes,
): void {
  /** Unanswered requests and when each arrived (monotonic ms); told ones are removed. */
  const waiting = new Map<FastifyRequest, number>();
  app.addHook('onRequest', async (request) => {
    if (!request.ws && waiting.size < maxWatched) waiting.set(request, performance.now());
  });
  const answered = async (request: FastifyRequest) => {
    waiting.delete(request);
  };
  app.addHook('onResponse', answered);
  app.addHook('onRequestAbort', answered);

  const check = () => {
    const stalled = takeStalled(waiting, performance.now() - stalledAfterMs);
    if (!stalled.length) return;
    const oldest = stalled[0]!;
    app.log.warn(
      {
        requests: stalled.map(({ request, since }) => ({
          method: request.method,
          path: request.url.split('?')[0],
          waitingMs: Math.round(performance.now() - since),
        })),
        database: describeWaits(),
      },
      `${stalled.length} request(s) unanswered for over ${stalledAfterMs / 1000} s (the oldest: ${oldest.request.method} ${oldest.request.url.split('?')[0]})`,
    );
  };
  const timer = setInterval(check, checkEveryMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** The requests that arrived before `before`, oldest first, taken out of `waiting` (each is told once). */
function takeStalled(waiting: Map<FastifyRequest, number>, before: number) {
  const stalled: { request: FastifyRequest; since: number }[] = [];
  // A Map iterates in insertion order, which is arrival order: the first young one ends the look.
  for (const [request, since] of waiting) {
    if (since > before) break;
    stalled.push({ request, since });
  }
  for (const { request } of stalled) waiting.delete(request);
  return stalled;
}
