// Whether a slow query stalls the server: /api/health latency while a 5 s query runs, against the same server idle.

import { performance } from 'node:perf_hooks';
import type { Harness } from '@opora/server/testing/test-app';
import { measure, type Row } from './measure.js';

const slowQuerySeconds = 5;

/** One GET /api/health over real HTTP (keep-alive), in milliseconds. */
export async function healthMs(baseUrl: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/health`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`health answered ${response.status}`);
  return performance.now() - started;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function describe(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms (${times.length})`;
}

/**
 * GET /api/health due every 50 ms for `durationMs`; each sample counts from when it was due, so a stalled event
 * loop (which delays the sampler too) shows up in full rather than as one late sample.
 */
export async function sampleHealth(baseUrl: string, durationMs: number): Promise<number[]> {
  const started = performance.now();
  const samples: number[] = [];
  for (let due = started; due < started + durationMs; due += 50) {
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await healthMs(baseUrl);
    samples.push(performance.now() - due);
  }
  return samples;
}

/** The harness's app over real HTTP: listening from the first figure that asks, on a free port. */
export async function baseUrlOf(h: Harness): Promise<string> {
  if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

const p95 = (list: number[]) =>
  percentile(
    [...list].sort((a, b) => a - b),
    0.95,
  );

/** Health while `select pg_sleep(5)` runs on the database, against the same server idle. */
export async function healthDuringSlowQuery(h: Harness): Promise<Row> {
  const baseUrl = await baseUrlOf(h);
  await sampleHealth(baseUrl, 500);
  const idle = await sampleHealth(baseUrl, 3000);
  // Sampling starts with the query, not after an await: an in-process database would block before it began.
  const slow = h.db.query(`select pg_sleep(${slowQuerySeconds})`);
  const busy = await sampleHealth(baseUrl, (slowQuerySeconds - 1) * 1000);
  await slow;
  return {
    benchmark: `GET /api/health while a ${slowQuerySeconds} s query runs`,
    figure: describe(busy),
    baseline: `idle ${describe(idle)}`,
    ratio: `${(p95(busy) / p95(idle)).toFixed(1)}× p95`,
  };
}

/** Listing records through the API (first page of 20, newest first) against a bare SELECT of the same page. */
export async function recordList(h: Harness, headers: Record<string, string>, runs: number): Promise<Row> {
  const select = await measure(
    () =>
      h.db.query(
        `select id, data from record where entity = ? and deleted_at is null order by created_at desc, id limit 20`,
        ['ticket'],
      ),
    runs,
  );
  const api = await measure(async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/records/ticket?limit=20', headers });
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
  }, runs);
  return {
    benchmark: 'record list via API (page of 20)',
    figure: `${api.opsPerSec.toFixed(0)}/s (p50 ${api.medianMs.toFixed(2)} ms)`,
    baseline: `bare SELECT ${select.opsPerSec.toFixed(0)}/s`,
    ratio: `${(api.opsPerSec / select.opsPerSec).toFixed(2)}×`,
  };
}

/**
 * Health while both run at once: the 5 s query on the database and a script firing a million SDK calls (`flood`
 * starts it and resolves when it ends), against the same server idle.
 */
export async function healthDuringSlowQueryAndFlood(h: Harness, flood: () => Promise<unknown>): Promise<Row> {
  const baseUrl = await baseUrlOf(h);
  await sampleHealth(baseUrl, 500);
  const idle = await sampleHealth(baseUrl, 3000);
  const slow = h.db.query(`select pg_sleep(${slowQuerySeconds})`);
  const flooding = flood();
  const busy = await sampleHealth(baseUrl, (slowQuerySeconds - 1) * 1000);
  await Promise.all([slow, flooding]);
  return {
    benchmark: `GET /api/health while a ${slowQuerySeconds} s query and an SDK flood run`,
    figure: describe(busy),
    baseline: `idle ${describe(idle)}`,
    ratio: `${(p95(busy) / p95(idle)).toFixed(1)}× p95`,
  };
}
