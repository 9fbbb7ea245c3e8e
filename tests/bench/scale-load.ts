import { runOnWorker } from './bench-worker.js';

/** One HTTP call of a scenario, its path relative to the server's origin. */
export interface HttpCall {
  path: string;
  method?: 'GET';
  headers?: Record<string, string>;
}

/** A write hammered by autocannon for `seconds` at `connections` keep-alive connections. */
export interface CannonJob {
  kind: 'cannon';
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
}

/** Reads: scenarios taken in turn by `connections` callers, `runs` of them or for `seconds` (at least `minRuns`). */
export interface CallsJob {
  kind: 'calls';
  origin: string;
  scenarios: HttpCall[][];
  connections: number;
  runs: number;
  minRuns: number;
  seconds: number;
  warmup: number;
}

export interface LoadResult {
  /** Milliseconds per request (per scenario for calls). */
  times: number[];
  seconds: number;
  failures: number;
  firstFailure: string | undefined;
}

export interface LoadFigures {
  /** Successful calls per second (scenarios per second for calls). */
  perSec: number;
  p50: number;
  p95: number;
  p99: number;
  count: number;
  /** Calls answered with an error status or not at all; the first one said. */
  failures: number;
  firstFailure: string | undefined;
}

/** Runs the job on its own thread, so generating the load takes nothing from the server's event loop. */
export function runLoad(job: CannonJob | CallsJob): Promise<LoadFigures> {
  return runOnWorker<LoadResult>(new URL('./scale-load-worker.ts', import.meta.url), job).then(figures);
}

function figures(result: LoadResult): LoadFigures {
  const times = [...result.times].sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    perSec: times.length / result.seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    count: times.length,
    failures: result.failures,
    firstFailure: result.firstFailure,
  };
}

export const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
/** Throughput with a decimal where a slow figure would otherwise read 0. */
export const rate = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

/** «p50 / p95 / p99 ms, req/s» as the table prints it. */
export const latencies = (f: LoadFigures, unit = 'req/s') =>
  `${ms(f.p50)} / ${ms(f.p95)} / ${ms(f.p99)} ms, ${rate(f.perSec)} ${unit}` +
  (f.failures ? `, ${f.failures} FAILED (${f.firstFailure})` : '');
