// The load generator's thread: the server under test keeps the main thread's event loop to itself.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { CallsJob, CannonJob, HttpCall, LoadResult } from './scale-load.js';

const job = workerData as CannonJob | CallsJob;

/** autocannon at a fixed number of keep-alive connections; every response's time kept for exact percentiles. */
async function cannon(job: CannonJob): Promise<LoadResult> {
  const times: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: job.url,
        method: job.method,
        headers: { 'content-type': 'application/json', ...job.headers },
        body: job.body,
        connections: job.connections,
        duration: job.seconds,
      },
      (error: unknown, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance!.on('response', (_client, status, _bytes, responseTime) => {
    if (status < 300) times.push(responseTime);
    else {
      failures++;
      firstFailure ??= `HTTP ${status}`;
    }
  });
  const result = await done;
  return {
    times,
    seconds: (performance.now() - started) / 1000,
    failures: failures + result.errors + result.timeouts,
    firstFailure: firstFailure ?? (result.errors ? `${result.errors} connection errors` : undefined),
  };
}

/**
 * `connections` callers, each repeating a scenario: its calls go out at once (as a screen loads its parts) and
 * the time is until the last one has answered.
 */
async function calls(job: CallsJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const times: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  /** The scenario's time, or undefined when a call of it failed. */
  const run = async (i: number): Promise<number | undefined> => {
    const scenario = job.scenarios[i % job.scenarios.length]!;
    const t = performance.now();
    const statuses = await Promise.all(scenario.map((call) => send(agent, job.origin, call)));
    const elapsed = performance.now() - t;
    const bad = statuses.find((s) => s.status >= 300);
    if (!bad) return elapsed;
    failures++;
    firstFailure ??= `HTTP ${bad.status} ${bad.body.slice(0, 200)}`;
    return undefined;
  };
  for (let i = 0; i < job.warmup; i++) await run(i);
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (next < job.runs && (performance.now() < deadline || next < job.minRuns)) {
        const elapsed = await run(next++);
        if (elapsed !== undefined) times.push(elapsed);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { times, seconds, failures, firstFailure };
}

function send(agent: Agent, origin: string, call: HttpCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(call.path, origin),
      { method: call.method ?? 'GET', headers: call.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const result = job.kind === 'cannon' ? await cannon(job) : await calls(job);
parentPort!.postMessage(result);
