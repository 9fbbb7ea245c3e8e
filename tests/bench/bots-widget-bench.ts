// A bot answering 1,000 widget visitors end to end: each visitor holds the widget's WebSocket, writes over HTTP,
// and the time is taken from the send to the bot's reply arriving on that visitor's socket (turn job claimed,
// session stepped, reply stored and pushed). The bot makes no external calls (ask → set variable → condition →
// ask), so the figures are the platform's own. Part of `npm run bench`; alone:
//   BENCH_ONLY=bots-widget BOTS_VISITORS=1000 BOTS_PACED_SECONDS=20 BOTS_FLOOD_SECONDS=15 npm run bench
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { BotBody } from '@opora/runtime/definitions';
import { publishBot } from '@opora/server/testing/bot-fixture';
import { publishLine } from '@opora/server/testing/distribution-fixture';
import { createHarness } from '@opora/server/testing/test-app';
import type { DatabaseTarget } from '@opora/server/testing/test-database';
import { publishWidgetChannel } from '@opora/server/testing/widget-fixture';
import type { WebSocket } from 'ws';
import type { Row } from './measure.js';
import { roundTripRow } from './round-trip.js';
import { openWidgetVisitor } from './widget-visitor.js';

const visitors = Number(process.env.BOTS_VISITORS ?? 1000);
/** Paced phase: every visitor writes about every `pacedEveryMs` (20 a minute is what a visitor may). */
const pacedSeconds = Number(process.env.BOTS_PACED_SECONDS ?? 20);
const pacedEveryMs = Number(process.env.BOTS_PACED_EVERY_MS ?? 3500);
/** Flood phase: every visitor writes again as soon as the bot answered (turns per second the server sustains). */
const floodSeconds = Number(process.env.BOTS_FLOOD_SECONDS ?? 15);
/** No reply within this long counts as lost. */
const replyTimeoutMs = 30_000;

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Visitor {
  headers: Record<string, string>;
  socket: WebSocket;
  /** Resolves the reply the visitor waits for (by the text the bot echoes). */
  waiting: Map<string, () => void>;
}

/** Runs `fn` for each visitor, and answers the latencies (ms) of the turns it timed, turns done and lost. */
interface Phase {
  latencies: number[];
  turns: number;
  /** Sent, but no reply within the timeout. */
  lost: number;
  /** The send itself failed (not stored). */
  refused: number;
  seconds: number;
}

function record(phase: Phase, outcome: number | 'refused' | null) {
  if (outcome === 'refused') phase.refused++;
  else if (outcome === null) phase.lost++;
  else phase.latencies.push(outcome);
}

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
    const people = await connect(base);
    let serial = 0;
    /** One turn: send, wait for the echo on the socket; answers the latency, 'refused' or null when unanswered. */
    const turn = async (person: Visitor, i: number): Promise<number | 'refused' | null> => {
      const n = ++serial;
      const text = `v${i}-m${n}`;
      const heard = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), replyTimeoutMs);
        person.waiting.set(`Вы: ${text}`, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      const started = performance.now();
      const res = await fetch(`http://${base}/api/v1/widget/site-chat/messages`, {
        method: 'POST',
        headers: person.headers,
        body: JSON.stringify({ clientMessageId: `bench-${i}-${n}-0000`, text }),
      }).catch(() => null);
      if (res?.status !== 201) {
        person.waiting.delete(`Вы: ${text}`);
        return 'refused';
      }
      return (await heard) ? performance.now() - started : null;
    };

    // Opening: every visitor's first message starts a session (greeting, question, answer) all at once.
    const opening = await runPhase(people, async (person, i, phase) => {
      record(phase, await turn(person, i));
    });
    const paced = await runPhase(people, async (person, i, phase) => {
      const deadline = performance.now() + pacedSeconds * 1000;
      await sleep(Math.random() * pacedEveryMs);
      while (performance.now() < deadline) {
        const next = performance.now() + pacedEveryMs * (0.5 + Math.random());
        record(phase, await turn(person, i));
        await sleep(Math.max(0, next - performance.now()));
      }
    });
    paced.seconds = pacedSeconds;
    const flood = await runPhase(people, async (person, i, phase) => {
      const deadline = performance.now() + floodSeconds * 1000;
      while (performance.now() < deadline) {
        record(phase, await turn(person, i));
      }
    });
    for (const person of people) person.socket.close();
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

/** Sessions and sockets for every visitor, each from an address of its own; a few dozen connect at a time. */
async function connect(base: string): Promise<Visitor[]> {
  const people: Visitor[] = [];
  const connecting = 50;
  for (let from = 0; from < visitors; from += connecting)
    people.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(connecting, visitors - from) }, (_, k) => visitor(base, from + k)),
      )),
    );
  return people;
}

async function visitor(base: string, i: number): Promise<Visitor> {
  const waiting = new Map<string, () => void>();
  const open = await openWidgetVisitor(base, i, (data) => {
    const push = data as { type: string; message?: { text?: string } };
    const text = push.type === 'message' ? push.message?.text : undefined;
    if (text === undefined) return;
    const done = waiting.get(text);
    waiting.delete(text);
    done?.();
  });
  return { ...open, waiting };
}

async function runPhase(
  people: Visitor[],
  fn: (person: Visitor, i: number, phase: Phase) => Promise<void>,
): Promise<Phase> {
  const phase: Phase = { latencies: [], turns: 0, lost: 0, refused: 0, seconds: 0 };
  const started = performance.now();
  await Promise.all(people.map((person, i) => fn(person, i, phase)));
  phase.seconds = (performance.now() - started) / 1000;
  phase.turns = phase.latencies.length;
  phase.latencies.sort((a, b) => a - b);
  return phase;
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
