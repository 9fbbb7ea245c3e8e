import { performance } from 'node:perf_hooks';
import type { Locale } from '@opora/runtime/definitions';
// Precise modules, never the scripts barrel: the runner lives in the sandbox worker (sandbox-worker-graph.test.ts).
import { bridgeLimits, type ScriptLimits } from '@opora/runtime/scripts/limits';
import { runMessage } from '@opora/runtime/scripts/run-messages';
import type {
  FailureCode,
  RunRequest,
  RunResult,
  ScriptFailure,
  SdkHandler,
} from '@opora/runtime/scripts/run-types';
import { mapStack } from '@opora/runtime/scripts/source-positions';
import { valueShapeProblem } from '@opora/runtime/scripts/value-shape';
import ivm from 'isolated-vm';
import { type CodeCache, sharedCodeCache } from './code-cache.js';
import { guestBootstrap } from './guest-bootstrap.js';
import { HostBridge } from './host-bridge.js';

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
  /** What compiling the same code costs in the next fresh isolate: V8's code cache of it. */
  private readonly codeCache: CodeCache = sharedCodeCache;

  /**
   * One run. Its clock (wall and CPU) starts only once the context is set up and the author's code compiled:
   * on a busy machine that preparation can take seconds, and it is the sandbox's cost, not the script's.
   * `onStart` is told the moment the clock starts (the pool times the run from then).
   */
  async run(request: RunRequest, sdk: SdkHandler, onStart?: () => void): Promise<RunResult> {
    const { limits } = request;
    const locale = request.locale ?? 'ru';
    const isolate = this.checkOut(limits.memoryMb);
    let started = performance.now();
    let cpuBefore = isolate.cpuTime;
    const bridge = new HostBridge(sdk, limits, locale);
    let context: ivm.Context | undefined;
    let watchdog: NodeJS.Timeout | undefined;
    const stats = () => ({
      durationMs: performance.now() - started,
      cpuMs: isolate.isDisposed ? 0 : Number(isolate.cpuTime - cpuBefore) / 1e6,
      memoryBytes: isolate.isDisposed ? 0 : isolate.getHeapStatisticsSync().used_heap_size,
      sdkCalls: bridge.sdkCalls,
      logs: bridge.logs,
      logsTruncated: bridge.logsTruncated,
    });
    try {
      // The server checks input depth first; this keeps the runner safe for any other caller.
      if (valueShapeProblem(request.input, bridgeLimits.maxValueDepth))
        throw new LimitReached(
          'invalid_input',
          runMessage(locale, 'input_too_deep', { depth: bridgeLimits.maxValueDepth }),
        );
      // Setting up the context runs only our own short bootstrap, so it is done synchronously: each async
      // isolated-vm call is a thread hop, and a warm run would otherwise spend most of its time hopping.
      context = isolate.createContextSync();
      context.global.setSync('globalThis', context.global.derefInto());
      context.global.setSync('__oporaHost', new ivm.Reference(bridge.receive));
      context.global.setSync('__oporaInputJson', JSON.stringify(request.input ?? null));
      context.global.setSync('__oporaSettings', JSON.stringify(guestSettings(limits, locale)));
      const compiled = this.prepare(isolate, context, request.script.code, locale);
      started = performance.now();
      cpuBefore = isolate.cpuTime;
      onStart?.();
      const limitHit = new Promise<never>((_, reject) => {
        watchdog = this.watch(isolate, cpuBefore, limits, started, locale, reject);
      });
      const outputJson = await Promise.race([
        compiled.run(context, { timeout: limits.timeoutMs, promise: true, copy: true }),
        limitHit,
      ]);
      const output = this.readOutput(outputJson, limits, locale);
      return { ok: true, output, ...stats() };
    } catch (error) {
      const failure = this.failure(error, isolate, request, locale);
      // A run that hit a limit poisons its isolate: it is disposed and never reused.
      const poisoned = !['runtime_error', 'invalid_output', 'invalid_input', 'output_limit'].includes(
        failure.code,
      );
      if (poisoned && !isolate.isDisposed) isolate.dispose();
      return { ok: false, error: failure, ...stats() };
    } finally {
      bridge.close();
      clearInterval(watchdog);
      if (context && !isolate.isDisposed) context.release();
      this.checkIn(limits.memoryMb, isolate);
    }
  }

  /**
   * Runs our bootstrap in the fresh context and compiles the author's code, before the run's clock starts. The
   * bootstrap's own bound is generous (it is short, but a starved machine can pause it): running past it means the
   * sandbox cannot work now, which is not the script's timeout.
   */
  private prepare(isolate: ivm.Isolate, context: ivm.Context, code: string, locale: Locale): ivm.Script {
    try {
      this.script(isolate, guestBootstrap).runSync(context, { timeout: setupTimeoutMs });
    } catch (error) {
      if (error instanceof Error && /Script execution timed out/i.test(error.message))
        throw new LimitReached('sandbox_unavailable', runMessage(locale, 'sandbox_stopped'));
      throw error;
    }
    return this.script(isolate, code + startTrailer, scriptFile);
  }

  /**
   * Creates an isolate for the memory limit and takes a tiny script through a whole run in it (context,
   * bootstrap, compile, the bridge, the result), so the first real run after a worker starts pays for none of
   * that; a worker reports ready only after this.
   */
  async warm(memoryMb: number): Promise<void> {
    await this.run(
      { script: warmUpScript, input: { warm: true }, limits: { ...warmUpLimits, memoryMb }, locale: 'ru' },
      async () => null,
    );
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
    const compiled = this.codeCache.compile(isolate, code, filename);
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
    locale: Locale,
    reject: (e: Error) => void,
  ): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (isolate.isDisposed) return;
      if (performance.now() - started > limits.timeoutMs) {
        isolate.dispose();
        reject(new LimitReached('timeout', runMessage(locale, 'timeout', { ms: limits.timeoutMs })));
      } else if (Number(isolate.cpuTime - cpuBefore) / 1e6 > limits.cpuMs) {
        isolate.dispose();
        reject(new LimitReached('cpu_limit', runMessage(locale, 'cpu_limit', { ms: limits.cpuMs })));
      }
    }, 10);
    timer.unref();
    return timer;
  }

  /** The result as the guest serialized it: measured in bytes and depth before anything else reads it. */
  private readOutput(outputJson: unknown, limits: ScriptLimits, locale: Locale): unknown {
    const text = String(outputJson);
    if (text.length > limits.maxOutputBytes || Buffer.byteLength(text) > limits.maxOutputBytes)
      throw new LimitReached(
        'output_limit',
        runMessage(locale, 'output_limit', { bytes: limits.maxOutputBytes }),
      );
    const output: unknown = JSON.parse(text);
    if (valueShapeProblem(output, bridgeLimits.maxValueDepth))
      throw new LimitReached(
        'output_limit',
        runMessage(locale, 'output_too_deep', { depth: bridgeLimits.maxValueDepth }),
      );
    return output;
  }

  private failure(error: unknown, isolate: ivm.Isolate, request: RunRequest, locale: Locale): ScriptFailure {
    if (error instanceof LimitReached) return { code: error.code, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    if (/memory limit/i.test(message) || (isolate.isDisposed && /disposed/i.test(message)))
      return {
        code: 'memory_limit',
        message: runMessage(locale, 'memory_limit', { mb: request.limits.memoryMb }),
      };
    if (/Script execution timed out/i.test(message))
      return { code: 'timeout', message: runMessage(locale, 'timeout', { ms: request.limits.timeoutMs }) };
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

/** A generous bound on our own bootstrap in a fresh context (milliseconds of work when the machine is idle). */
const setupTimeoutMs = 30_000;

/** What the warm-up runs: the shape esbuild gives an author's script, a log line and an answer. */
const warmUpScript = {
  code: '"use strict";\nmodule.exports = { default: async (ctx) => { ctx.log.info("warm"); return ctx.input; } };\n',
  sourceMap: '{"version":3,"sources":[],"names":[],"mappings":""}',
};
const warmUpLimits: ScriptLimits = {
  memoryMb: 64,
  timeoutMs: setupTimeoutMs,
  cpuMs: setupTimeoutMs,
  maxOutputBytes: 1024,
  maxLogBytes: 1024,
  maxSdkCalls: 1,
};

/** What the bootstrap needs to keep its own budgets and speak the author's language. */
function guestSettings(limits: ScriptLimits, locale: Locale) {
  return {
    maxLogBytes: limits.maxLogBytes,
    maxSdkCalls: limits.maxSdkCalls,
    maxPendingSdkCalls: bridgeLimits.sdkCallsInFlight + bridgeLimits.sdkCallsWaiting,
    messages: {
      sdkCallLimit: runMessage(locale, 'sdk_call_limit', { count: limits.maxSdkCalls }),
      sdkTooManyWaiting: runMessage(locale, 'sdk_too_many_waiting', { count: bridgeLimits.sdkCallsWaiting }),
      noDefaultExport: runMessage(locale, 'no_default_export'),
    },
  };
}
