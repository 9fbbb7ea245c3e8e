// /api/health while a script floods the SDK: the server must keep answering while one run fires a million
// ctx.records.* calls. Measured against health on the same, idle server in the same run.

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Harness } from '@opora/server/testing/test-app';
import { baseUrlOf } from './event-loop-bench.js';
import type { Measurement, Row } from './measure.js';

const ms = (value: number) => `${value.toFixed(2)} ms`;

export const floodSource = `export default async function run(ctx) {
  const calls = [];
  try {
    for (let i = 0; i < 1000000; i++) calls.push(ctx.records.find('ticket', { q: 'пароль' }).then(() => 1, () => 0));
  } catch (e) {}
  const answered = (await Promise.all(calls)).reduce((a, b) => a + b, 0);
  return { made: calls.length, answered };
}`;

function summarize(times: number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = times.reduce((a, b) => a + b, 0);
  return { opsPerSec: (times.length / total) * 1000, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

/** One health request over real HTTP, as a monitor asks it; its latency in ms. */
async function healthLatency(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`health answered ${res.status}`);
  return performance.now() - t;
}

const floodActor = {
  id: 'bench-flood',
  login: 'admin-user',
  name: 'Bench admin',
  roles: ['admin' as const],
  locale: 'en' as const,
  via: 'token' as const,
};

/** Runs the flood script once (a test run as an admin); resolves with its result when it ends. */
export function startFlood(h: Harness) {
  return h.app.scripts.testRun(
    floodSource,
    null,
    { limits: { maxSdkCalls: 10_000, timeoutMs: 60_000, cpuMs: 30_000 } },
    floodActor,
    'en',
  );
}

/**
 * Health p50/p95 over HTTP on the idle server, then while a flood script runs, asked every 10 ms (a monitor's
 * pace, leaving the event loop free between asks as a real client would) until the flood ends.
 */
export async function healthDuringSdkFlood(h: Harness, runs: number): Promise<Row[]> {
  const url = `${await baseUrlOf(h)}/api/health`;
  const idleTimes: number[] = [];
  for (let i = 0; i < Math.min(runs, 300); i++) {
    idleTimes.push(await healthLatency(url));
    await sleep(10);
  }
  // The sandbox is warm (the SDK round-trip figure ran before), so the flood starts at once.
  const started = performance.now();
  let finished = false;
  const flood = startFlood(h).finally(() => {
    finished = true;
  });
  const times: number[] = [];
  while (!finished) {
    const latency = await healthLatency(url);
    if (!finished) times.push(latency);
    await sleep(10);
  }
  const result = await flood;
  const floodMs = performance.now() - started;
  if (!result.ok) throw new Error(`flood script failed: ${JSON.stringify(result.error)}`);
  const output = result.output as { made: number; answered: number };
  const idle = summarize(idleTimes);
  const during = summarize(times);
  return [
    {
      benchmark: `/api/health over HTTP during a 1,000,000-call SDK flood (${output.made} calls taken, ${output.answered} answered in ${(floodMs / 1000).toFixed(1)} s; target p95 < 100 ms)`,
      figure: `p50 ${ms(during.medianMs)}, p95 ${ms(during.p95Ms)} (${times.length} asks)`,
      baseline: `idle p50 ${ms(idle.medianMs)}, p95 ${ms(idle.p95Ms)}`,
      ratio: `${(during.p95Ms / idle.p95Ms).toFixed(1)}× p95 (${during.p95Ms < 100 ? 'met' : 'MISSED'})`,
    },
  ];
}
