// A bot answering 1,000 widget visitors end to end: each visitor holds the widget's WebSocket, writes over HTTP,
// and the time is taken from the send to the bot's reply arriving on that visitor's socket (turn job claimed,
// session stepped, reply stored and pushed). The bot makes no external calls (ask → set variable → condition →
// ask), so the figures are the platform's own. The visitors run on a worker thread (bots-widget-visitors.ts).
// Part of `npm run bench`; alone:
//   BENCH_ONLY=bots-widget BOTS_VISITORS=1000 BOTS_PACED_SECONDS=20 BOTS_FLOOD_SECONDS=15 npm run bench
import type { AddressInfo } from 'node:net';
import type { BotBody } from '@opora/runtime/definitions';
import { publishBot } from '@opora/server/testing/bot-fixture';
import { publishLine } from '@opora/server/testing/distribution-fixture';
import { createHarness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import { publishWidgetChannel } from '@opora/server/testing/widget-fixture';
import { runOnWorker } from './bench-worker.js';
import type { BotsVisitorsJob, BotsVisitorsResult, Phase } from './bots-widget-visitors.js';
import type { Row } from './measure.js';
import { roundTripRow } from './round-trip.js';

const visitors = Number(process.env.BOTS_VISITORS ?? 1000);
/** Paced phase: every visitor writes about every `pacedEveryMs` (20 a minute is what a visitor may). */
const pacedSeconds = Number(process.env.BOTS_PACED_SECONDS ?? 20);
const pacedEveryMs = Number(process.env.BOTS_PACED_EVERY_MS ?? 3500);
/** Flood phase: every visitor writes again as soon as the bot answered (turns per second the server sustains). */
const floodSeconds = Number(process.env.BOTS_FLOOD_SECONDS ?? 15);

const block = (id: string, type: string, config: Record<string, unknown>, exits: Record<string, string>) =>
  ({ id, type, typeVersion: 1, ...config, exits }) as unknown as BotBody['blocks'][number];

/** Greets, then answers every message with what it heard, counting turns on the way: no external calls. */
export const echoBot = (): Omit<BotBody, 'schemaVersion'> => ({
  title: { ru: 'Эхо' },
  triggers: [{ id: 'start', type: 'newDialog', next: 'hello' }],
  variables: [
    { name: 'q', initial: '—' },
    { name: 'n', initial: '0' },
  ],
  blocks: [
    block('hello', 'message', { text: { ru: 'Здравствуйте!' } }, { next: 'ask' }),
    block(
      'ask',
      'ask',
      { text: { ru: 'Вы: {{q}}' }, input: 'text', variable: 'q', retries: 0 },
      { next: 'count', fallback: 'count' },
    ),
    block('count', 'set-variable', { variable: 'n', value: { expression: 'n + 1' } }, { next: 'check' }),
    block('check', 'condition', { expression: 'n > 0' }, { true: 'ask', false: 'ask' }),
  ],
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function botsWidgetBench(target: DatabaseTarget): Promise<Row[]> {
  const h = await createHarness(target, {
    secretsKey: 'bots-widget-bench-secrets-key1',
    trustProxy: 1,
    // The flood phase writes faster than a person may: the per-visitor and per-address limits are raised.
    widgetLimits: { messagesPerMinute: 100_000, messagesPerMinutePerIp: 100_000, sessionsPerHour: 100_000 },
  });
  try {
    await publishWidgetChannel(h);
    await publishBot(h.app, 'echo', echoBot());
    await publishLine(h.app, 'echo-line', 'site-chat', { bot: 'echo', botOnly: true });
    h.app.jobWorker.start();
    // A thousand visitors connect at once: more than the default backlog of pending connections.
    await h.app.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
    const base = `127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    const roundTrip = await roundTripRow(h.db, 'bots-widget');
    const visitorsModule = new URL('./bots-widget-visitors.ts', import.meta.url);
    const { opening, paced, flood } = await runOnWorker<BotsVisitorsResult>(visitorsModule, {
      base,
      visitors,
      pacedSeconds,
      pacedEveryMs,
      floodSeconds,
    } satisfies BotsVisitorsJob);
    return [
      roundTrip,
      latencyRow(`bots-widget: ${visitors} dialogs opened at once, first turn (greeting + answer)`, opening),
      throughputRow(`bots-widget: ${visitors} visitors, each writing every ~${pacedEveryMs / 1000} s`, paced),
      latencyRow('bots-widget: send → bot reply on the socket, paced', paced),
      throughputRow(`bots-widget: ${visitors} visitors, each writing again on the reply`, flood),
      latencyRow('bots-widget: send → bot reply on the socket, flood', flood),
    ];
  } finally {
    await h.close();
  }
}

function latencyRow(benchmark: string, phase: Phase): Row {
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => percentile(phase.latencies, p));
  return {
    benchmark: `${benchmark} p50 / p95 / p99`,
    figure: `${p50!.toFixed(0)} / ${p95!.toFixed(0)} / ${p99!.toFixed(0)} ms (${phase.turns} turns, ${phase.lost} unanswered, ${phase.refused} sends failed)`,
    baseline: 'goal p99 < 50 ms',
    ratio: `${(p99! / 50).toFixed(1)}× of goal`,
  };
}

function throughputRow(benchmark: string, phase: Phase): Row {
  const perSecond = phase.turns / phase.seconds;
  return {
    benchmark: `${benchmark}, ${Math.round(phase.seconds)} s`,
    figure: `${Math.round(perSecond)} turns/s (${phase.lost} unanswered, ${phase.refused} sends failed)`,
    baseline: 'goal ≥ 2,000 turns/s',
    ratio: `${(perSecond / 2000).toFixed(2)}× of goal`,
  };
}
