import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Operations per second over the measured runs. */
  opsPerSec: number;
  medianMs: number;
  p95Ms: number;
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
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { opsPerSec: (runs / total) * 1000, medianMs: at(0.5), p95Ms: at(0.95) };
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
