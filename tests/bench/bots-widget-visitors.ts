// The bots-widget bench's visitors, on a thread of their own (the server keeps the main thread's event loop): each
// holds the widget's WebSocket, writes over HTTP (keep-alive, as a browser tab does), and times its message until
// the bot's reply arrives on its socket. Phases: every dialog opened at once, paced writing, a flood.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { WebSocket } from 'ws';
import { openWidgetVisitor, postWidgetMessage } from './widget-visitor.js';

export interface BotsVisitorsJob {
  base: string;
  visitors: number;
  pacedSeconds: number;
  pacedEveryMs: number;
  floodSeconds: number;
}

export interface Phase {
  /** Turns' latencies (ms), sorted. */
  latencies: number[];
  turns: number;
  /** Sent, but no reply within the timeout. */
  lost: number;
  /** The send itself failed (not stored). */
  refused: number;
  seconds: number;
}

export interface BotsVisitorsResult {
  opening: Phase;
  paced: Phase;
  flood: Phase;
}

/** No reply within this long counts as lost. */
const replyTimeoutMs = 30_000;
const job = workerData as BotsVisitorsJob;
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Visitor {
  headers: Record<string, string>;
  socket: WebSocket;
  /** Resolves the reply the visitor waits for (by the text the bot echoes). */
  waiting: Map<string, () => void>;
}

function record(phase: Phase, outcome: number | 'refused' | null) {
  if (outcome === 'refused') phase.refused++;
  else if (outcome === null) phase.lost++;
  else phase.latencies.push(outcome);
}

const post = (person: Visitor, body: string) => postWidgetMessage(agent, job.base, person.headers, body);

let serial = 0;
/** One turn: send, wait for the echo on the socket; answers the latency, 'refused' or null when unanswered. */
async function turn(person: Visitor, i: number): Promise<number | 'refused' | null> {
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
  const status = await post(person, JSON.stringify({ clientMessageId: `bench-${i}-${n}-0000`, text }));
  if (status !== 201) {
    person.waiting.delete(`Вы: ${text}`);
    return 'refused';
  }
  return (await heard) ? performance.now() - started : null;
}

/** Sessions and sockets for every visitor, each from an address of its own; a few dozen connect at a time. */
async function connect(): Promise<Visitor[]> {
  const people: Visitor[] = [];
  const connecting = 50;
  for (let from = 0; from < job.visitors; from += connecting)
    people.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(connecting, job.visitors - from) }, (_, k) => visitor(from + k)),
      )),
    );
  return people;
}

async function visitor(i: number): Promise<Visitor> {
  const waiting = new Map<string, () => void>();
  const open = await openWidgetVisitor(job.base, i, (data) => {
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

async function run(): Promise<BotsVisitorsResult> {
  const people = await connect();
  // Opening: every visitor's first message starts a session (greeting, question, answer) all at once.
  const opening = await runPhase(people, async (person, i, phase) => {
    record(phase, await turn(person, i));
  });
  const paced = await runPhase(people, async (person, i, phase) => {
    const deadline = performance.now() + job.pacedSeconds * 1000;
    await sleep(Math.random() * job.pacedEveryMs);
    while (performance.now() < deadline) {
      const next = performance.now() + job.pacedEveryMs * (0.5 + Math.random());
      record(phase, await turn(person, i));
      await sleep(Math.max(0, next - performance.now()));
    }
  });
  paced.seconds = job.pacedSeconds;
  const flood = await runPhase(people, async (person, i, phase) => {
    const deadline = performance.now() + job.floodSeconds * 1000;
    while (performance.now() < deadline) record(phase, await turn(person, i));
  });
  for (const person of people) person.socket.close();
  agent.destroy();
  return { opening, paced, flood };
}

parentPort!.postMessage(await run());
