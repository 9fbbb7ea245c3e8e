import type { Locale } from '../definitions/kinds.js';
import type { CompiledScript } from './compiled-script.js';
import type { ScriptLimits } from './limits.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  message: string;
}

/** Why a run failed; `limit` codes name the limit that stopped it. */
export type FailureCode =
  | 'timeout'
  | 'cpu_limit'
  | 'memory_limit'
  | 'output_limit'
  | 'sdk_call_limit'
  | 'runtime_error'
  | 'invalid_output'
  | 'invalid_input'
  | 'sandbox_crashed'
  | 'sandbox_unavailable';

export interface ScriptFailure {
  code: FailureCode;
  message: string;
  /** Position in the author's TypeScript, when known. */
  line?: number;
  column?: number;
  stack?: string;
}

export interface RunStats {
  durationMs: number;
  cpuMs: number;
  memoryBytes: number;
  sdkCalls: number;
}

export type RunResult =
  | ({ ok: true; output: unknown; logs: LogLine[]; logsTruncated: boolean } & RunStats)
  | ({ ok: false; error: ScriptFailure; logs: LogLine[]; logsTruncated: boolean } & RunStats);

export interface RunRequest {
  script: CompiledScript;
  input: unknown;
  limits: ScriptLimits;
  /** The language of the sandbox's own messages (limits reached, SDK refusals); Russian when absent. */
  locale?: Locale;
}

/** The SDK operations a script may call (`records.get`, `http.fetch`, …), carried out by the host. Values are JSON copies. */
export type SdkHandler = (op: string, args: unknown[]) => Promise<unknown>;

/**
 * Port: runs scripts somewhere safe (the server implements it with a pool of sandbox worker processes).
 * `run` rejects with {@link ScriptHostBusy} when too many runs are already waiting.
 */
export interface ScriptHost {
  run(request: RunRequest, sdk: SdkHandler): Promise<RunResult>;
}

/** The host's queue is full: the caller should answer "busy, try again" rather than wait. */
export class ScriptHostBusy extends Error {
  constructor(readonly queued: number) {
    super(`the sandbox queue is full (${queued} runs waiting)`);
    this.name = 'ScriptHostBusy';
  }
}
