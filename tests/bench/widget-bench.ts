// The chat widget under load on one server process: N visitors each holding the widget's WebSocket and writing
// over HTTP; each message's round trip is timed from the visitor's send to its arrival on an operator's socket
// (`/portal/live`, the contact centre's room). The visitors run on a worker thread (widget-load-worker.ts), so the
// main thread's event loop is the server's alone. Three steps: every visitor's first message opens their dialog
// (not measured), a paced phase (a message every ~4 s each: the round trip a visitor feels), and a flood (each
// writes again the moment the last was stored: what the process sustains). Part of `npm run bench`; alone:
//   BENCH_ONLY=widget WIDGET_VISITORS=1000 WIDGET_SECONDS=20 WIDGET_FLOOD_SECONDS=15 npm run bench
import type { AddressInfo } from 'node:net';
import { createSupportDesk, publishPortal } from '@opora/server/testing/portal-fixture';
import { createHarness } from '@opora/server/testing/test-app';
import type { databaseTargets } from '@opora/server/testing/test-database';
import { publishWidgetChannel } from '@opora/server/testing/widget-fixture';
import { runOnWorker } from './bench-worker.js';
import type { Row } from './measure.js';
import { roundTripRow } from './round-trip.js';
import type { PhaseResult, WidgetLoadJob, WidgetLoadResult } from './widget-load-worker.js';

const visitors = Number(process.env.WIDGET_VISITORS ?? 1000);
const pacedSeconds = Number(process.env.WIDGET_SECONDS ?? 20);
const floodSeconds = Number(process.env.WIDGET_FLOOD_SECONDS ?? 15);
/** Each visitor writes every `everyMs` (jittered) in the paced phase, within the per-visitor limit of 20 a minute. */
const everyMs = Number(process.env.WIDGET_EVERY_MS ?? 4000);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function widgetSocketBench(target: (typeof databaseTargets)[number]): Promise<Row[]> {
  // The flood writes faster than a person may (20 a minute): the limits are lifted for the bench alone.
  const h = await createHarness(target, {
    secretsKey: 'widget-bench-secrets-key-0001',
    trustProxy: 1,
    widgetLimits: { messagesPerMinute: 1_000_000, messagesPerMinutePerIp: 1_000_000 },
  });
  try {
    await createSupportDesk(h);
    await publishPortal(h);
    await publishWidgetChannel(h);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const operator = await h.as('operator');
    const loadCheck = await roundTripRow(h.db, 'widget');
    const cpuBefore = process.cpuUsage();
    const { paced, flood } = await runOnWorker<WidgetLoadResult>(
      new URL('./widget-load-worker.ts', import.meta.url),
      {
        base,
        operatorCookie: operator.cookie!,
        visitors,
        everyMs,
        pacedSeconds,
        floodSeconds,
      } satisfies WidgetLoadJob,
    );
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / (paced.stored + flood.stored);
    const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const offered = Math.round(visitors / (everyMs / 1000));
    return [
      loadCheck,
      {
        benchmark: `widget: ${visitors} visitors on live sockets, a message each per ~${everyMs / 1000} s, ${pacedSeconds} s`,
        figure: `${rate(paced)} messages/s stored, ${refusals(paced)}`,
        baseline: `offered ~${offered}/s`,
        ratio: `${(paced.stored / paced.seconds / offered).toFixed(2)}× of offered`,
      },
      tripRow('paced', paced),
      {
        benchmark: `widget: the same ${visitors} visitors writing again as soon as stored, ${floodSeconds} s`,
        figure: `${rate(flood)} messages/s stored, ${refusals(flood)}`,
        baseline: 'goal ≥ 1,000/s',
        ratio: `${(flood.stored / flood.seconds / 1000).toFixed(2)}× of goal`,
      },
      tripRow('flood', flood),
      {
        benchmark: 'widget: process CPU per message (server and visitors), process RSS',
        figure: `${cpuMsPerMessage.toFixed(2)} ms CPU, ${rssMb} MB`,
        baseline: '—',
        ratio: '—',
      },
    ];
  } finally {
    await h.close();
  }
}

const rate = (phase: PhaseResult) => Math.round(phase.stored / phase.seconds);
const refusals = (phase: PhaseResult) =>
  `${phase.failures} refused or failed${phase.firstFailure ? ` (first: ${phase.firstFailure})` : ''}`;

function tripRow(name: string, phase: PhaseResult): Row {
  const trips = [...phase.trips].sort((a, b) => a - b);
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => percentile(trips, p).toFixed(0));
  return {
    benchmark: `widget (${name}): visitor send → operator socket round trip p50 / p95 / p99`,
    figure: `${p50} / ${p95} / ${p99} ms (${trips.length} heard)`,
    baseline: 'goal p95 < 100 ms',
    ratio: `${(percentile(trips, 0.95) / 100).toFixed(1)}× of goal`,
  };
}
