import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Operations per second over the measured runs. */
  opsPerSec: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
}

/** Runs fn `warmup` times unmeasured, then `runs` times with `concurrency` callers at once. */
export async function measure(
  fn: (i: number) => Promise<unknown>,
  runs: number,
  options: { warmup?: number; concurrency?: number } = {},
): Promise<Measurement> {
  const { warmup = Math.min(50, runs), concurrency = 1 } = options;
  for (let i = 0; i < warmup; i++) await fn(-i - 1);
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return summarize(times, performance.now() - started);
}

/**
 * Runs each of `fns` once per round, `runs` rounds (after `warmup` rounds), one call at a time: figures that
 * are compared (a run with and without an SDK call, a sandbox and its bare baseline) see the same machine load.
 */
export async function measureInterleaved<const F extends readonly ((i: number) => Promise<unknown>)[]>(
  fns: F,
  runs: number,
  options: { warmup?: number } = {},
): Promise<{ [K in keyof F]: Measurement }> {
  const { warmup = Math.min(50, runs) } = options;
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn(-i - 1);
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++)
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn(i);
      times[k]!.push(performance.now() - t);
    }
  const results = times.map((list) =>
    summarize(
      list,
      list.reduce((a, b) => a + b, 0),
    ),
  );
  return results as unknown as { [K in keyof F]: Measurement };
}

function summarize(times: number[], totalMs: number): Measurement {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    opsPerSec: (times.length / totalMs) * 1000,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
  };
}

export interface Row {
  benchmark: string;
  figure: string;
  baseline: string;
  ratio: string;
}

export function printTable(title: string, rows: Row[]): void {
  const headers: Row = {
    benchmark: 'benchmark',
    figure: 'figure',
    baseline: 'baseline (same run)',
    ratio: 'ratio',
  };
  const all = [headers, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `| ${(Object.keys(headers) as (keyof Row)[]).map((k) => r[k].padEnd(width(k))).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(`|${(Object.keys(headers) as (keyof Row)[]).map((k) => '-'.repeat(width(k) + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
