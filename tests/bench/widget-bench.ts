// The chat widget under load on one server process: N visitors each holding the widget's WebSocket and writing a
// message every few seconds over HTTP; each message's round trip is timed from the visitor's send to its arrival on
// an operator's socket (`/portal/live`, the contact centre's room). Part of `npm run bench`; alone:
//   BENCH_ONLY=widget WIDGET_VISITORS=1000 WIDGET_SECONDS=30 npm run bench
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createSupportDesk, publishPortal } from '@opora/server/testing/portal-fixture';
import { createHarness } from '@opora/server/testing/test-app';
import type { databaseTargets } from '@opora/server/testing/test-database';
import { publishWidgetChannel } from '@opora/server/testing/widget-fixture';
import { WebSocket } from 'ws';
import type { Row } from './measure.js';
import { openWidgetVisitor } from './widget-visitor.js';

const visitors = Number(process.env.WIDGET_VISITORS ?? 1000);
const seconds = Number(process.env.WIDGET_SECONDS ?? 30);
/** Each visitor writes every `everyMs` (jittered), well within the per-visitor limit of 20 a minute. */
const everyMs = Number(process.env.WIDGET_EVERY_MS ?? 4000);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function widgetSocketBench(target: (typeof databaseTargets)[number]): Promise<Row[]> {
  const h = await createHarness(target, { secretsKey: 'widget-bench-secrets-key-0001', trustProxy: 1 });
  await createSupportDesk(h);
  await publishPortal(h);
  await publishWidgetChannel(h);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const operator = await h.as('operator');
  const sent = new Map<string, number>();
  const trips: number[] = [];
  const staff = new WebSocket(`ws://${base}/api/v1/portal/live`, { headers: { cookie: operator.cookie! } });
  staff.on('message', (data) => {
    const push = JSON.parse(String(data)) as { type: string; message?: { text: string; direction: string } };
    if (push.type !== 'message' || push.message?.direction !== 'in') return;
    const at = sent.get(push.message.text);
    if (at !== undefined) {
      trips.push(performance.now() - at);
      sent.delete(push.message.text);
    }
  });
  await new Promise((resolve) => staff.once('open', resolve));

  const people = await Promise.all(Array.from({ length: visitors }, (_, i) => openWidgetVisitor(base, i)));
  const rssBefore = process.memoryUsage().rss;
  let failures = 0;
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    people.map(async (person, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * everyMs));
      for (let n = 0; performance.now() < deadline; n++) {
        const text = `v${i}-m${n}`;
        sent.set(text, performance.now());
        const res = await fetch(`http://${base}/api/v1/widget/site-chat/messages`, {
          method: 'POST',
          headers: person.headers,
          body: JSON.stringify({ clientMessageId: `bench-${i}-${n}-0000`, text }),
        }).catch(() => null);
        if (res?.status === 201) count++;
        else failures++;
        await new Promise((r) => setTimeout(r, everyMs * (0.5 + Math.random())));
      }
    }),
  );
  // Messages are sent until the deadline; the pause after each one is not part of the run.
  const elapsed = (deadline - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  trips.sort((a, b) => a - b);
  // The bench process holds the server and the clients together: an upper bound of the server's own memory.
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const growthMb = Math.round((process.memoryUsage().rss - rssBefore) / 1024 / 1024);
  const offered = Math.round(visitors / (everyMs / 1000));
  const rows: Row[] = [
    {
      benchmark: `widget: ${visitors} visitors on live sockets, one message each per ~${everyMs / 1000} s, ${Math.round(elapsed)} s`,
      figure: `${Math.round(count / elapsed)} messages/s stored, ${failures} refused or failed`,
      baseline: `offered ~${offered}/s (goal ≥ 1,000/s)`,
      ratio: `${(count / elapsed / offered).toFixed(2)}× of offered`,
    },
    {
      benchmark: 'widget: visitor send → operator socket round trip p50 / p95 / p99',
      figure: `${percentile(trips, 0.5).toFixed(0)} / ${percentile(trips, 0.95).toFixed(0)} / ${percentile(trips, 0.99).toFixed(0)} ms (${trips.length} heard)`,
      baseline: 'goal p95 < 100 ms',
      ratio: `${(percentile(trips, 0.95) / 100).toFixed(1)}× of goal`,
    },
    {
      benchmark: 'widget: process RSS (server and clients in one process)',
      figure: `${rssMb} MB`,
      baseline: `grew ${growthMb} MB during the run`,
      ratio: '—',
    },
  ];
  for (const person of people) person.socket.close();
  staff.close();
  await h.close();
  return rows;
}
