// The widget bench's visitors, on a thread of their own: the server under test keeps the main thread's event loop.
// Every visitor holds the widget's WebSocket and writes over HTTP (keep-alive, as a browser tab does); one operator
// socket hears every message in the contact centre's room, and a message's round trip is from its send to there.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { openWidgetVisitor, postWidgetMessage, type WidgetVisitor } from './widget-visitor.js';

export interface WidgetLoadJob {
  /** host:port of the server. */
  base: string;
  operatorCookie: string;
  visitors: number;
  /** Paced phase: each visitor writes about every `everyMs`, for `pacedSeconds`. */
  everyMs: number;
  pacedSeconds: number;
  /** Flood phase: each visitor writes again as soon as its last message was stored, for `floodSeconds`. */
  floodSeconds: number;
}

export interface PhaseResult {
  stored: number;
  failures: number;
  firstFailure: string | undefined;
  seconds: number;
  /** Round trips heard on the operator's socket, ms, unsorted. */
  trips: number[];
}

export interface WidgetLoadResult {
  paced: PhaseResult;
  flood: PhaseResult;
}

const job = workerData as WidgetLoadJob;
const settleMs = 5000;
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const sentAt = new Map<string, number>();
let trips: number[] = [];

const post = (person: WidgetVisitor, body: string) =>
  postWidgetMessage(agent, job.base, person.headers, body);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every visitor writes until the deadline, `gapMs(i)` between its messages; the phase's figures. */
async function phase(people: WidgetVisitor[], seconds: number, tag: string, gapMs: () => number) {
  trips = [];
  let stored = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  let lastStoredAt = started;
  const deadline = started + seconds * 1000;
  await Promise.all(
    people.map(async (person, i) => {
      await pause(Math.random() * gapMs());
      for (let n = 0; performance.now() < deadline; n++) {
        const text = `${tag}-v${i}-m${n}`;
        sentAt.set(text, performance.now());
        const status = await post(person, JSON.stringify({ clientMessageId: `${tag}-${i}-${n}-0000`, text }));
        if (status === 201) {
          stored++;
          lastStoredAt = performance.now();
        } else {
          failures++;
          firstFailure ??= `HTTP ${status}`;
        }
        const gap = gapMs();
        if (gap) await pause(gap);
      }
    }),
  );
  // The last messages' pushes are still on their way.
  await pause(1000);
  sentAt.clear();
  return { stored, failures, firstFailure, seconds: Math.max(lastStoredAt - started, 1) / 1000, trips };
}

async function run(): Promise<WidgetLoadResult> {
  const staff = new WebSocket(`ws://${job.base}/api/v1/portal/live`, {
    headers: { cookie: job.operatorCookie },
  });
  staff.on('message', (data) => {
    const push = JSON.parse(String(data)) as { type: string; message?: { text: string; direction: string } };
    if (push.type !== 'message' || push.message?.direction !== 'in') return;
    const at = sentAt.get(push.message.text);
    if (at === undefined) return;
    trips.push(performance.now() - at);
    sentAt.delete(push.message.text);
  });
  await new Promise((resolve, reject) => staff.once('open', resolve).once('error', reject));
  const people: WidgetVisitor[] = [];
  // Opened a hundred at a time: a thousand session starts at once would measure the burst, not the chat.
  for (let i = 0; i < job.visitors; i += 100)
    people.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(100, job.visitors - i) }, (_, k) => openWidgetVisitor(job.base, i + k)),
      )),
    );
  // Each visitor's first message opens their dialog (routing, the line's queue): done before the clock starts.
  await Promise.all(
    people.map((person, i) =>
      post(person, JSON.stringify({ clientMessageId: `open-${i}-0000`, text: `open-${i}` })),
    ),
  );
  // Opening a thousand dialogs leaves the server work (handing them to operators): the clock starts once done.
  await pause(settleMs);
  const paced = await phase(people, job.pacedSeconds, 'p', () => job.everyMs * (0.5 + Math.random()));
  const flood = await phase(people, job.floodSeconds, 'f', () => 0);
  for (const person of people) person.socket.close();
  staff.close();
  agent.destroy();
  return { paced, flood };
}

parentPort!.postMessage(await run());
