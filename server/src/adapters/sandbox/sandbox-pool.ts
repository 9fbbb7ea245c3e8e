import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunRequest, RunResult, ScriptHost, SdkHandler } from '@opora/runtime/scripts';
import type { FromWorker, ToWorker } from './protocol.js';

const workerScript = fileURLToPath(new URL('./sandbox-worker.ts', import.meta.url));

interface InFlight {
  resolve: (result: RunResult) => void;
  sdk: SdkHandler;
  deadline: NodeJS.Timeout;
  started: number;
}

interface Worker {
  child: ChildProcess;
  runs: Map<number, InFlight>;
}

export interface SandboxPoolOptions {
  size?: number;
  /** Extra time past a run's own limit before the server gives up on the worker and kills it. */
  graceMs?: number;
}

/**
 * The server's {@link ScriptHost}: a few sandbox worker processes, each with warm isolates. A worker that dies
 * (or stops answering) fails only its in-flight runs, with a clear error, and is replaced.
 */
export class SandboxPool implements ScriptHost {
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private closed = false;
  private readonly graceMs: number;

  constructor(options: SandboxPoolOptions = {}) {
    this.graceMs = options.graceMs ?? 3000;
    for (let i = 0; i < (options.size ?? 2); i++) this.workers.push(this.spawn());
  }

  run(request: RunRequest, sdk: SdkHandler): Promise<RunResult> {
    if (this.closed) return Promise.reject(new Error('the sandbox pool is closed'));
    const worker = this.workers.reduce((a, b) => (b.runs.size < a.runs.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const deadline = setTimeout(
        () => this.abandon(worker, 'timeout'),
        request.limits.timeoutMs + this.graceMs,
      );
      deadline.unref();
      worker.runs.set(id, { resolve, sdk, deadline, started: Date.now() });
      worker.child.send({ type: 'run', id, request } satisfies ToWorker);
    });
  }

  /** Worker process ids, for tests and diagnostics. */
  pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((done) => {
            if (w.child.exitCode !== null) return done();
            w.child.once('exit', () => done());
            w.child.disconnect();
          }),
      ),
    );
  }

  private spawn(): Worker {
    const child = fork(workerScript, [], {
      execArgv: ['--no-node-snapshot', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: Worker = { child, runs: new Map() };
    child.on('message', (message: FromWorker) => this.onMessage(worker, message));
    child.on('exit', () => this.onExit(worker));
    // A send to a worker that just died fails; its runs are failed by onExit, so the error itself is not news.
    child.on('error', () => {});
    return worker;
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'result') {
      const run = worker.runs.get(message.id);
      if (!run) return;
      clearTimeout(run.deadline);
      worker.runs.delete(message.id);
      run.resolve(message.result);
    } else if (message.type === 'sdk') {
      const run = worker.runs.get(message.id);
      if (!run) return;
      void run
        .sdk(message.op, JSON.parse(message.argsJson) as unknown[])
        .then(
          (value) => JSON.stringify({ value: value ?? null }),
          (error: unknown) =>
            JSON.stringify({ error: error instanceof Error ? error.message : String(error) }),
        )
        .then((json) => {
          if (worker.child.connected)
            worker.child.send({
              type: 'sdk-answer',
              id: message.id,
              callId: message.callId,
              json,
            } satisfies ToWorker);
        });
    }
  }

  /** A worker that does not answer in time is killed; its runs fail and a fresh worker takes its place. */
  private abandon(worker: Worker, code: 'timeout'): void {
    for (const [id, run] of worker.runs)
      this.fail(worker, id, run, code, 'The sandbox stopped answering; the script was stopped');
    worker.child.kill('SIGKILL');
  }

  private onExit(worker: Worker): void {
    for (const [id, run] of worker.runs)
      this.fail(
        worker,
        id,
        run,
        'sandbox_crashed',
        'The sandbox process ended unexpectedly while running the script; it has been restarted',
      );
    const index = this.workers.indexOf(worker);
    if (index >= 0 && !this.closed) this.workers[index] = this.spawn();
  }

  private fail(
    worker: Worker,
    id: number,
    run: InFlight,
    code: 'timeout' | 'sandbox_crashed',
    message: string,
  ): void {
    clearTimeout(run.deadline);
    worker.runs.delete(id);
    run.resolve({
      ok: false,
      error: { code, message },
      logs: [],
      logsTruncated: false,
      durationMs: Date.now() - run.started,
      cpuMs: 0,
      memoryBytes: 0,
      sdkCalls: 0,
    });
  }
}
