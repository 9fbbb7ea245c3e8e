// Script sandbox benchmarks: warm and cold runs, the worker pool under load, and one SDK round trip.

import {
  type CompiledScript,
  effectiveLimits,
  type RunRequest,
  type SdkHandler,
} from '@opora/runtime/scripts';
import { IsolateRunner } from '@opora/server/adapters/sandbox/isolate-runner';
import { SandboxPool } from '@opora/server/adapters/sandbox/sandbox-pool';
import { compileScript } from '@opora/server/adapters/script-toolchain/compile';
import type { Harness } from '@opora/server/testing/test-app';
import ivm from 'isolated-vm';
import { type Measurement, measure, measureInterleaved, type Row } from './measure.js';

const ms = (value: number) => (value < 0.01 ? `${(value * 1000).toFixed(2)} µs` : `${value.toFixed(3)} ms`);
const perSec = (m: Measurement) => `${m.opsPerSec.toFixed(0)}/s`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

const noSdk: SdkHandler = async (op) => {
  throw new Error(`no ${op} in this benchmark`);
};

async function compiled(source: string): Promise<CompiledScript> {
  const result = await compileScript(source);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.script;
}

function expectOk(result: { ok: boolean }, what: string): void {
  if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`);
}

// The floor: what any isolated-vm sandbox with a fresh context per run must pay. Uses the async API, as the
// runner does (the sync API blocks the event loop, so the server cannot use it).
const bareCall = 'JSON.stringify((function run() { return { ok: true }; })())';
async function bareRun(isolate: ivm.Isolate): Promise<void> {
  const context = await isolate.createContext();
  try {
    if ((await context.eval(bareCall)) !== '{"ok":true}') throw new Error('bare isolated-vm run failed');
  } finally {
    context.release();
  }
}

/** Figures 1–3: no database involved, so measured once per `npm run bench`. */
export async function sandboxBenchmarks(runs: number): Promise<Row[]> {
  const script = await compiled('export default function run() { return { ok: true }; }');
  const withCall = await compiled(
    'export default async function run(ctx) { await ctx.records.get("ticket", "r1"); return { ok: true }; }',
  );
  const request = (memoryMb = 64): RunRequest => ({
    script,
    input: null,
    limits: effectiveLimits({ memoryMb }),
  });
  const runner = new IsolateRunner();
  const pool = new SandboxPool({ size: 2 }); // as the app builds it
  const warmIsolate = new ivm.Isolate({ memoryLimit: 64 });
  const rows: Row[] = [];
  try {
    const run = async () => ({ ok: true });
    const direct = await measure(() => run(), runs);
    // 1. Warm runs vs the bare baseline. The in-process runner pays, beyond the bare run, the
    // bootstrap (ctx, SDK bridge reference, intrinsics capture), a compile and a promise-returning call: each
    // async isolated-vm call is a hop to the isolate thread and back. The pool adds an IPC round trip to a
    // worker process. Creating the context alone is most of the bare figure, so p50 < 0.5 ms is near the floor.
    // `bridged` is the SDK bridge alone: one ctx.records.get answered at once by the host (isolate → worker →
    // IPC → server handler → back), no database; figure 4 below adds the real RecordService.
    // Interleaved in pairs of like with like: bare with in-process runner, pool with pool (a pool run leaves the
    // server process idle, and the next call after an idle gap is slower on this kind of machine).
    const [bare, inProcess] = await measureInterleaved(
      [() => bareRun(warmIsolate), async () => expectOk(await runner.run(request(), noSdk), 'runner')],
      runs,
    );
    const [viaPool, bridged] = await measureInterleaved(
      [
        async () => expectOk(await pool.run(request(), noSdk), 'pool'),
        async () =>
          expectOk(await pool.run({ ...request(), script: withCall }, async () => ({})), 'SDK call'),
      ],
      runs,
    );
    const warmRow = (label: string, m: Measurement): Row => ({
      benchmark: `warm run, ${label} (target ≤1.5× bare, p50 < 0.5 ms)`,
      figure: `p50 ${ms(m.medianMs)}, p99 ${ms(m.p99Ms)}, ${perSec(m)}`,
      baseline: `bare ivm ctx+eval+release p50 ${ms(bare.medianMs)}`,
      ratio: `${(m.medianMs / bare.medianMs).toFixed(2)}× (${verdict(m.medianMs <= 1.5 * bare.medianMs)}; p50 ${verdict(
        m.medianMs < 0.5,
      )})`,
    });
    rows.push(
      warmRow('in-process IsolateRunner', inProcess),
      {
        benchmark: 'warm run, in-process IsolateRunner vs plain JS',
        figure: `p50 ${ms(inProcess.medianMs)}`,
        baseline: `direct JS call p50 ${ms(direct.medianMs)}`,
        ratio: `${(inProcess.medianMs / direct.medianMs).toFixed(0)}×`,
      },
      warmRow('via SandboxPool, 1 in flight', viaPool),
      {
        benchmark: 'SDK call round trip via SandboxPool, no-op host handler',
        figure: `${ms(bridged.medianMs - viaPool.medianMs)} (p50 ${ms(bridged.medianMs)} with the call)`,
        baseline: `warm run via pool p50 ${ms(viaPool.medianMs)}`,
        ratio: `${(bridged.medianMs / viaPool.medianMs).toFixed(2)}×`,
      },
    );

    // 3. 1,000 runs, 50 in flight, through the pool. p50 is mostly queueing (latency ≈ 50 / throughput).
    // Throughput is bounded by the CPU cores the server process and both workers share.
    const loaded = await measure(async () => expectOk(await pool.run(request(), noSdk), 'pool'), 1000, {
      concurrency: 50,
    });
    rows.push({
      benchmark: '1,000 runs via SandboxPool, 50 in flight',
      figure: `${perSec(loaded)}, p50 ${ms(loaded.medianMs)}, p99 ${ms(loaded.p99Ms)}`,
      baseline: `bare ivm, 1 process, 1 at a time ${perSec(bare)}`,
      ratio: `${(loaded.opsPerSec / bare.opsPerSec).toFixed(2)}× throughput`,
    });

    // 2. Cold start: a fresh isolate per run. Bare and the in-process runner dispose it inside the timed run.
    // The pool keeps warm isolates per memory limit, so a never-used limit forces a fresh isolate in a worker;
    // it stays idle there afterwards (no dispose in that figure, IPC included). These are the pool's last runs.
    const [bareCold, runnerCold, poolCold] = await measureInterleaved(
      [
        async () => {
          const isolate = new ivm.Isolate({ memoryLimit: 64 });
          try {
            await bareRun(isolate);
          } finally {
            isolate.dispose();
          }
        },
        async () => {
          const fresh = new IsolateRunner();
          try {
            expectOk(await fresh.run(request(), noSdk), 'cold runner');
          } finally {
            fresh.dispose();
          }
        },
        async (i) => expectOk(await pool.run(request(300 + i), noSdk), 'cold pool'),
      ],
      Math.min(runs, 200),
      { warmup: 10 },
    );
    for (const [label, cold] of [
      ['in-process IsolateRunner (fresh isolate + dispose)', runnerCold],
      ['via SandboxPool (fresh isolate in a worker)', poolCold],
    ] as const)
      rows.push({
        benchmark: `cold start, ${label} (target < 5 ms)`,
        figure: `p50 ${ms(cold.medianMs)}, p99 ${ms(cold.p99Ms)}`,
        baseline: `bare new Isolate+ctx+call+dispose p50 ${ms(bareCold.medianMs)}`,
        ratio: `${(cold.medianMs / bareCold.medianMs).toFixed(2)}× (${verdict(cold.medianMs < 5)})`,
      });
  } finally {
    warmIsolate.dispose();
    runner.dispose();
    await pool.close();
  }
  return rows;
}

/**
 * Figure 4: one `ctx.records.get` from a script, on a harness whose `ticket` entity is published.
 * Path: ScriptService.testRun (the service behind POST /scripts/test-run, minus HTTP and auth): esbuild compile,
 * the app's SandboxPool, the SDK bridge (isolate → worker → IPC → server's scriptSdk → RecordService.get → back).
 * The same script without the call pays everything else, so the difference of the medians is the round trip.
 * All four are interleaved. The query inside a run starts after the server has idled while the worker ran the
 * script, and on this kind of machine a query after an idle gap is slower than back to back (notably on PGlite,
 * which runs in the server's thread), so the round trip includes more than a back-to-back query costs.
 */
export async function sdkRoundTrip(
  h: Harness,
  headers: Record<string, string>,
  runs: number,
): Promise<Row[]> {
  const created = await h.app.inject({
    method: 'POST',
    url: '/api/v1/records/ticket',
    headers,
    payload: { data: { subject: 'Сценарий: чтение записи' } },
  });
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const input = { entity: 'ticket', id };
  const actor = {
    id: 'bench',
    login: 'admin-user',
    name: 'Bench admin',
    roles: ['admin' as const],
    locale: 'ru' as const,
    via: 'token' as const,
  };
  const testRun = (source: string) => async () => {
    const result = await h.app.scripts.testRun(source, input, {}, actor, 'ru');
    if (!result.ok || (result.output as { ok?: unknown }).ok !== true)
      throw new Error(`script failed: ${JSON.stringify(result)}`);
  };
  const [without, withGet, select, serviceGet] = await measureInterleaved(
    [
      testRun('export default async function run(ctx) { return { ok: ctx.input.id.length > 0 }; }'),
      testRun(
        'export default async function run(ctx) { const r = await ctx.records.get(ctx.input.entity, ctx.input.id); return { ok: r.id === ctx.input.id }; }',
      ),
      () => h.db.query('select * from record where id = ?', [id]),
      () => h.app.records.get('ticket', id, null),
    ],
    runs,
  );
  const roundTrip = withGet.medianMs - without.medianMs;
  return [
    {
      benchmark: 'script test-run with one ctx.records.get vs without',
      figure: `p50 ${ms(withGet.medianMs)} vs ${ms(without.medianMs)}`,
      baseline: `round trip = ${ms(roundTrip)}`,
      ratio: `${(withGet.medianMs / without.medianMs).toFixed(2)}×`,
    },
    {
      benchmark: 'SDK records.get round trip (target < 0.2 ms + query)',
      figure: `${ms(roundTrip)} (${ms(roundTrip - serviceGet.medianMs)} over RecordService.get ${ms(serviceGet.medianMs)})`,
      baseline: `bare SELECT p50 ${ms(select.medianMs)}`,
      ratio: `${(roundTrip / select.medianMs).toFixed(2)}× (${verdict(roundTrip - select.medianMs < 0.2)})`,
    },
  ];
}
