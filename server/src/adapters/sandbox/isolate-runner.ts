import { performance } from 'node:perf_hooks';
import {
  type FailureCode,
  type LogLine,
  mapStack,
  type RunRequest,
  type RunResult,
  type ScriptFailure,
  type ScriptLimits,
  type SdkHandler,
} from '@opora/runtime/scripts';
import ivm from 'isolated-vm';
import { guestBootstrap } from './guest-bootstrap.js';

const scriptFile = 'script.js';
/** Compiled scripts kept per isolate: the bootstrap plus the most recently run authors' builds. */
const compiledPerIsolate = 32;
/**
 * Appended to the author's compiled code: running the script also starts it, so a run is one call into the
 * isolate. It adds a line after the code, so the source map's positions stay right.
 */
const startTrailer = '\n;__oporaStart();\n';

class LimitReached extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs scripts in warm isolate-vm isolates (one per memory limit), each run in a fresh context so nothing
 * leaks between runs. An isolate that hit a limit or was disposed is dropped and never reused.
 * Meant to live inside a sandbox worker process: V8 cannot always recover from running out of memory.
 */
export class IsolateRunner {
  /** Idle warm isolates by memory limit; a run checks one out, so a disposal never hits a neighbour's run. */
  private readonly idle = new Map<number, ivm.Isolate[]>();
  private readonly maxIdlePerLimit = 4;
  /**
   * Compiled code per isolate (a compiled script is bound to its isolate, not to a context), so a warm run only
   * creates its fresh context and runs: no recompilation of the bootstrap or of a script seen before.
   */
  private readonly compiled = new WeakMap<ivm.Isolate, Map<string, ivm.Script>>();

  async run(request: RunRequest, sdk: SdkHandler): Promise<RunResult> {
    const { limits } = request;
    const isolate = this.checkOut(limits.memoryMb);
    const started = performance.now();
    const cpuBefore = isolate.cpuTime;
    const state = { logs: [] as LogLine[], logBytes: 0, logsTruncated: false, sdkCalls: 0 };
    let context: ivm.Context | undefined;
    let watchdog: NodeJS.Timeout | undefined;
    const stats = () => ({
      durationMs: performance.now() - started,
      cpuMs: isolate.isDisposed ? 0 : Number(isolate.cpuTime - cpuBefore) / 1e6,
      memoryBytes: isolate.isDisposed ? 0 : isolate.getHeapStatisticsSync().used_heap_size,
      sdkCalls: state.sdkCalls,
      logs: state.logs,
      logsTruncated: state.logsTruncated,
    });
    try {
      // Setting up the context runs only our own short bootstrap, so it is done synchronously: each async
      // isolated-vm call is a thread hop, and a warm run would otherwise spend most of its time hopping.
      context = isolate.createContextSync();
      const host = new ivm.Reference(async (op: string, argsJson: string) =>
        this.answer(op, argsJson, sdk, limits, state),
      );
      context.global.setSync('globalThis', context.global.derefInto());
      context.global.setSync('__oporaHost', host);
      context.global.setSync('__oporaInputJson', JSON.stringify(request.input ?? null));
      context.global.setSync('__oporaMaxLogBytes', limits.maxLogBytes);
      this.script(isolate, guestBootstrap).runSync(context, { timeout: 1000 });
      const compiled = this.script(isolate, request.script.code + startTrailer, scriptFile);
      const limitHit = new Promise<never>((_, reject) => {
        watchdog = this.watch(isolate, cpuBefore, limits, started, reject);
      });
      const outputJson = await Promise.race([
        compiled.run(context, { timeout: limits.timeoutMs, promise: true, copy: true }),
        limitHit,
      ]);
      const output = this.readOutput(outputJson, limits);
      return { ok: true, output, ...stats() };
    } catch (error) {
      const failure = this.failure(error, isolate, request);
      // A run that hit a limit poisons its isolate: it is disposed and never reused.
      const poisoned = failure.code !== 'runtime_error' && failure.code !== 'invalid_output';
      if (poisoned && !isolate.isDisposed) isolate.dispose();
      return { ok: false, error: failure, ...stats() };
    } finally {
      clearInterval(watchdog);
      if (context && !isolate.isDisposed) context.release();
      this.checkIn(limits.memoryMb, isolate);
    }
  }

  /** The code compiled in this isolate, compiling it on first use; the oldest entry goes when the cache is full. */
  private script(isolate: ivm.Isolate, code: string, filename?: string): ivm.Script {
    let scripts = this.compiled.get(isolate);
    if (!scripts) {
      scripts = new Map();
      this.compiled.set(isolate, scripts);
    }
    const cached = scripts.get(code);
    if (cached) {
      // Re-inserted so the map's order stays least recently used first.
      scripts.delete(code);
      scripts.set(code, cached);
      return cached;
    }
    const compiled = isolate.compileScriptSync(code, filename ? { filename } : {});
    if (scripts.size >= compiledPerIsolate)
      for (const [oldest, script] of scripts)
        if (oldest !== guestBootstrap) {
          scripts.delete(oldest);
          script.release();
          break;
        }
    scripts.set(code, compiled);
    return compiled;
  }

  /** Disposes every idle isolate (worker shutdown). */
  dispose(): void {
    for (const list of this.idle.values())
      for (const isolate of list) if (!isolate.isDisposed) isolate.dispose();
    this.idle.clear();
  }

  private checkOut(memoryMb: number): ivm.Isolate {
    const list = this.idle.get(memoryMb) ?? [];
    for (let isolate = list.pop(); isolate; isolate = list.pop()) if (!isolate.isDisposed) return isolate;
    return new ivm.Isolate({ memoryLimit: memoryMb });
  }

  private checkIn(memoryMb: number, isolate: ivm.Isolate): void {
    if (isolate.isDisposed) return;
    const list = this.idle.get(memoryMb) ?? [];
    if (list.length >= this.maxIdlePerLimit) {
      isolate.dispose();
      return;
    }
    list.push(isolate);
    this.idle.set(memoryMb, list);
  }

  /** Wall clock and CPU are enforced from outside: a busy isolate is stopped by disposing it. */
  private watch(
    isolate: ivm.Isolate,
    cpuBefore: bigint,
    limits: ScriptLimits,
    started: number,
    reject: (e: Error) => void,
  ): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (isolate.isDisposed) return;
      if (performance.now() - started > limits.timeoutMs) {
        isolate.dispose();
        reject(
          new LimitReached(
            'timeout',
            `The script ran longer than its time limit (${limits.timeoutMs} ms) and was stopped`,
          ),
        );
      } else if (Number(isolate.cpuTime - cpuBefore) / 1e6 > limits.cpuMs) {
        isolate.dispose();
        reject(
          new LimitReached(
            'cpu_limit',
            `The script used more CPU time than its limit (${limits.cpuMs} ms) and was stopped`,
          ),
        );
      }
    }, 10);
    timer.unref();
    return timer;
  }

  /** The host side of the bridge: logs are kept here, everything else goes to the SDK handler, counted. */
  private async answer(
    op: string,
    argsJson: string,
    sdk: SdkHandler,
    limits: ScriptLimits,
    state: { logs: LogLine[]; logBytes: number; logsTruncated: boolean; sdkCalls: number },
  ): Promise<string> {
    try {
      const args = JSON.parse(argsJson) as unknown[];
      if (op === 'log.truncated') {
        state.logsTruncated = true;
        return '{"value":null}';
      }
      if (op === 'log') {
        const [level, message] = args as [LogLine['level'], string];
        const room = limits.maxLogBytes - state.logBytes;
        if (room <= 0) state.logsTruncated = true;
        else {
          const text = message.length > room ? `${message.slice(0, room)}…` : message;
          state.logs.push({
            level: ['info', 'warn', 'error'].includes(level) ? level : 'info',
            message: text,
          });
          state.logBytes += text.length + 1;
          if (text.length < message.length) state.logsTruncated = true;
        }
        return '{"value":null}';
      }
      state.sdkCalls += 1;
      if (state.sdkCalls > limits.maxSdkCalls)
        return JSON.stringify({ error: `SDK call limit reached (${limits.maxSdkCalls} calls per run)` });
      return JSON.stringify({ value: (await sdk(op, args)) ?? null });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  private readOutput(outputJson: unknown, limits: ScriptLimits): unknown {
    const text = String(outputJson);
    if (Buffer.byteLength(text) > limits.maxOutputBytes)
      throw new LimitReached(
        'output_limit',
        `The script's result is larger than its output limit (${limits.maxOutputBytes} bytes)`,
      );
    return JSON.parse(text);
  }

  private failure(error: unknown, isolate: ivm.Isolate, request: RunRequest): ScriptFailure {
    if (error instanceof LimitReached) return { code: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    if (/memory limit/i.test(message) || (isolate.isDisposed && /disposed/i.test(message)))
      return {
        code: 'memory_limit',
        message: `The script used more memory than its limit (${request.limits.memoryMb} MB) and was stopped`,
      };
    if (/Script execution timed out/i.test(message))
      return {
        code: 'timeout',
        message: `The script ran longer than its time limit (${request.limits.timeoutMs} ms) and was stopped`,
      };
    const stack =
      error instanceof Error && error.stack
        ? mapStack(error.stack, request.script.sourceMap, scriptFile)
        : undefined;
    return {
      code: 'runtime_error',
      message,
      ...(stack ? { stack: stack.stack, line: stack.line, column: stack.column } : {}),
    };
  }
}
