import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  bridgeLimits,
  CallGate,
  type FailureCode,
  type RunMessageKey,
  type RunRequest,
  type RunResult,
  runMessage,
  type ScriptHost,
  ScriptHostBusy,
  type SdkHandler,
  valueShapeProblem,
} from '@opora/runtime/scripts';
import { bootDelayOption, type FromWorker, setupDelayOption, type ToWorker } from './protocol.js';
import { sandboxWorkerBundle } from './worker-bundle.js';

/** A run waiting for a ready worker; its clock has not started. */
interface Queued {
  id: number;
  request: RunRequest;
  sdk: SdkHandler;
  resolve: (result: RunResult) => void;
  expiry: NodeJS.Timeout;
}

/**
 * A run a ready worker has taken. Until the worker reports it started (context set up, code compiled) only the
 * setup bound applies; the run's own limit counts from that report.
 */
interface InFlight extends Queued {
  deadline: NodeJS.Timeout;
  /** When the worker took it, then when its code started. */
  started: number;
  /** The server's own bound on this run's SDK calls, whatever the worker sends. */
  gate: CallGate;
  /** The worker reported the code started: a stop now is the script's timeout, before it the sandbox's fault. */
  running: boolean;
  finished: boolean;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  runs: Map<number, InFlight>;
  bootTimer: NodeJS.Timeout;
}

export interface SandboxPoolOptions {
  size?: number;
  /** Extra time past a run's own limit before the server gives up on the worker and kills it. */
  graceMs?: number;
  /** Runs one worker carries at once; more wait in the queue. */
  runsPerWorker?: number;
  /** Runs that may wait for a worker; past that, run() is refused with {@link ScriptHostBusy}. */
  maxQueued?: number;
  /** How long a run may wait for a ready worker before it fails as `sandbox_unavailable`. */
  queueTimeoutMs?: number;
  /** A worker that has not reported ready by then is killed and replaced. */
  bootTimeoutMs?: number;
  /** How long a worker may take to set up a run (context, compile) before it is taken for stuck and replaced. */
  setupTimeoutMs?: number;
  /** Makes each worker wait this long before reporting ready (to test a slow machine). */
  workerBootDelayMs?: number;
  /** Makes each worker take this long to set up every run (to test a starved machine). */
  workerSetupDelayMs?: number;
}

/**
 * The server's {@link ScriptHost}: a few sandbox worker processes, each with warm isolates. A worker gets runs only
 * after it reports ready, so booting (seconds on a busy machine) never counts against a run: runs wait in a
 * bounded queue, and a run's clock starts when its worker has set it up and its code begins. Runs go to the least loaded ready worker,
 * ties taken in turn. A worker that dies (or stops answering) fails only its in-flight runs, with a clear error,
 * and is replaced; one that keeps failing to boot is restarted with a growing pause.
 */
export class SandboxPool implements ScriptHost {
  private readonly workers: Worker[] = [];
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private turn = 0;
  private closed = false;
  private failedBoots = 0;
  private readonly options: Required<SandboxPoolOptions>;

  constructor(options: SandboxPoolOptions = {}) {
    this.options = {
      size: 2,
      graceMs: 3000,
      runsPerWorker: 4,
      maxQueued: 200,
      queueTimeoutMs: 120_000,
      bootTimeoutMs: 120_000,
      setupTimeoutMs: 60_000,
      workerBootDelayMs: 0,
      workerSetupDelayMs: 0,
      ...options,
    };
    for (let i = 0; i < this.options.size; i++) this.workers.push(this.spawn());
  }

  run(request: RunRequest, sdk: SdkHandler): Promise<RunResult> {
    if (this.closed) return Promise.reject(new Error('the sandbox pool is closed'));
    if (this.queue.length >= this.options.maxQueued)
      return Promise.reject(new ScriptHostBusy(this.queue.length));
    const id = this.nextId++;
    return new Promise((resolve) => {
      // The worker would check too, but a value that cannot be serialized must not get as far as the IPC channel.
      if (valueShapeProblem(request.input, bridgeLimits.maxValueDepth))
        return resolve(
          failed(request, 'invalid_input', 'input_too_deep', 0, { depth: bridgeLimits.maxValueDepth }),
        );
      const expiry = setTimeout(() => this.expire(id), this.options.queueTimeoutMs);
      expiry.unref();
      this.queue.push({ id, request, sdk, resolve, expiry });
      this.dispatch();
    });
  }

  /** Worker process ids, for tests and diagnostics. */
  pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? 0);
  }

  /** Resolves once every worker has reported ready (start-up warm-up, tests). */
  async ready(): Promise<void> {
    while (!this.closed && this.workers.some((w) => !w.ready))
      await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.expiry);
      job.resolve(failed(job.request, 'sandbox_unavailable', 'sandbox_unavailable', 0, { seconds: 0 }));
    }
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((done) => {
            clearTimeout(w.bootTimer);
            if (w.child.exitCode !== null || w.child.signalCode !== null) return done();
            w.child.once('exit', () => done());
            if (w.child.connected) w.child.disconnect();
            else w.child.kill('SIGKILL');
          }),
      ),
    );
  }

  /** Hands queued runs to ready workers with room, least loaded first, ties in turn. */
  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.pickWorker();
      if (!worker) return;
      const job = this.queue.shift() as Queued;
      clearTimeout(job.expiry);
      this.start(worker, job);
    }
  }

  private pickWorker(): Worker | undefined {
    let best: Worker | undefined;
    let bestIndex = 0;
    for (let step = 0; step < this.workers.length; step++) {
      const index = (this.turn + step) % this.workers.length;
      const worker = this.workers[index] as Worker;
      if (!worker.ready || worker.runs.size >= this.options.runsPerWorker) continue;
      if (!best || worker.runs.size < best.runs.size) {
        best = worker;
        bestIndex = index;
      }
    }
    if (best) this.turn = (bestIndex + 1) % this.workers.length;
    return best;
  }

  private start(worker: Worker, job: Queued): void {
    const deadline = setTimeout(() => this.abandon(worker), this.options.setupTimeoutMs);
    deadline.unref();
    const run: InFlight = {
      ...job,
      deadline,
      started: performance.now(),
      gate: new CallGate(bridgeLimits.sdkCallsInFlight, bridgeLimits.sdkCallsWaiting),
      running: false,
      finished: false,
    };
    worker.runs.set(job.id, run);
    try {
      worker.child.send({ type: 'run', id: job.id, request: job.request } satisfies ToWorker);
    } catch {
      // Nothing reached the worker (it is exiting, or the request could not be serialized): fail this run only.
      this.finish(worker, run, failed(job.request, 'sandbox_crashed', 'sandbox_crashed', 0));
    }
  }

  private spawn(): Worker {
    const options = [
      `${bootDelayOption}${this.options.workerBootDelayMs}`,
      `${setupDelayOption}${this.options.workerSetupDelayMs}`,
    ];
    const child = fork(sandboxWorkerBundle().path, options, {
      execArgv: ['--no-node-snapshot'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const bootTimer = setTimeout(() => child.kill('SIGKILL'), this.options.bootTimeoutMs);
    bootTimer.unref();
    const worker: Worker = { child, ready: false, runs: new Map(), bootTimer };
    child.on('message', (message: FromWorker) => this.onMessage(worker, message));
    child.on('exit', () => this.onExit(worker));
    // A send to a worker that just died fails; its runs are failed by onExit, so the error itself is not news.
    child.on('error', () => {});
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'ready') {
      clearTimeout(worker.bootTimer);
      worker.ready = true;
      this.failedBoots = 0;
      this.dispatch();
    } else if (message.type === 'started') {
      const run = worker.runs.get(message.id);
      if (run && !run.finished) this.clockStarts(worker, run);
    } else if (message.type === 'result') {
      const run = worker.runs.get(message.id);
      if (run) this.finish(worker, run, message.result);
    } else if (message.type === 'sdk') {
      const run = worker.runs.get(message.id);
      if (run) void this.answerSdk(worker, run, message);
    }
  }

  /** The run's code begins: from now on its own time limit (and the grace past it) bounds the worker. */
  private clockStarts(worker: Worker, run: InFlight): void {
    clearTimeout(run.deadline);
    run.running = true;
    run.started = performance.now();
    run.deadline = setTimeout(
      () => this.abandon(worker),
      run.request.limits.timeoutMs + this.options.graceMs,
    );
    run.deadline.unref();
  }

  /**
   * Carries out one SDK call of a run through the run's gate; the answer is always a JSON text.
   * Never rejects: whatever goes wrong, the script's call is answered (or its worker is already gone).
   */
  private async answerSdk(
    worker: Worker,
    run: InFlight,
    message: Extract<FromWorker, { type: 'sdk' }>,
  ): Promise<void> {
    const locale = run.request.locale ?? 'ru';
    const refusal = (key: RunMessageKey, params: Record<string, number> = {}) =>
      JSON.stringify({ error: runMessage(locale, key, params) });
    let json: string;
    try {
      const args = parseArguments(message.argsJson);
      if (!Array.isArray(args) || valueShapeProblem(args, bridgeLimits.maxValueDepth + 1))
        json = refusal('sdk_bad_call');
      else
        json =
          (await run.gate.run(() => this.carryOut(run, message.op, args))) ??
          refusal('sdk_too_many_waiting', { count: bridgeLimits.sdkCallsWaiting });
    } catch {
      json = refusal('sdk_bad_call');
    }
    if (!worker.child.connected) return;
    try {
      worker.child.send({
        type: 'sdk-answer',
        id: message.id,
        callId: message.callId,
        json,
      } satisfies ToWorker);
    } catch {
      // The worker went away between the check and the send: its runs are failed by its exit handler.
    }
  }

  private async carryOut(run: InFlight, op: string, args: unknown[]): Promise<string> {
    const locale = run.request.locale ?? 'ru';
    // Calls still queued when their run ended are dropped: no database work for a run nobody waits for.
    if (run.finished) return JSON.stringify({ error: runMessage(locale, 'sdk_bad_call') });
    try {
      const value = (await run.sdk(op, args)) ?? null;
      if (valueShapeProblem(value, bridgeLimits.maxValueDepth))
        return JSON.stringify({
          error: runMessage(locale, 'sdk_answer_too_deep', { depth: bridgeLimits.maxValueDepth }),
        });
      return JSON.stringify({ value });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  private finish(worker: Worker, run: InFlight, result: RunResult): void {
    if (run.finished) return;
    run.finished = true;
    clearTimeout(run.deadline);
    worker.runs.delete(run.id);
    run.resolve(result);
    this.dispatch();
  }

  /** A worker that does not answer in time is killed; its runs fail and a fresh worker takes its place. */
  private abandon(worker: Worker): void {
    for (const run of [...worker.runs.values()])
      this.finish(
        worker,
        run,
        failed(
          run.request,
          run.running ? 'timeout' : 'sandbox_unavailable',
          'sandbox_stopped',
          run.running ? performance.now() - run.started : 0,
        ),
      );
    worker.child.kill('SIGKILL');
  }

  private onExit(worker: Worker): void {
    clearTimeout(worker.bootTimer);
    const wasReady = worker.ready;
    worker.ready = false;
    for (const run of [...worker.runs.values()])
      this.finish(
        worker,
        run,
        failed(run.request, 'sandbox_crashed', 'sandbox_crashed', performance.now() - run.started),
      );
    const index = this.workers.indexOf(worker);
    if (index < 0 || this.closed) return;
    // A worker that never got ready is a boot failure: restart it after a pause that grows with each failure.
    const pauseMs = wasReady ? 0 : Math.min(30_000, 250 * 2 ** this.failedBoots);
    if (!wasReady) this.failedBoots += 1;
    const replace = () => {
      if (!this.closed) this.workers[index] = this.spawn();
    };
    if (pauseMs) setTimeout(replace, pauseMs).unref();
    else replace();
  }

  /** A run that waited too long for a ready worker fails without having started. */
  private expire(id: number): void {
    const index = this.queue.findIndex((job) => job.id === id);
    if (index < 0) return;
    const [job] = this.queue.splice(index, 1) as [Queued];
    job.resolve(
      failed(job.request, 'sandbox_unavailable', 'sandbox_unavailable', this.options.queueTimeoutMs, {
        seconds: Math.round(this.options.queueTimeoutMs / 1000),
      }),
    );
  }
}

function failed(
  request: RunRequest,
  code: FailureCode,
  key: RunMessageKey,
  durationMs: number,
  params: Record<string, number> = {},
): RunResult {
  return {
    ok: false,
    error: { code, message: runMessage(request.locale ?? 'ru', key, params) },
    logs: [],
    logsTruncated: false,
    durationMs,
    cpuMs: 0,
    memoryBytes: 0,
    sdkCalls: 0,
  };
}

function parseArguments(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
