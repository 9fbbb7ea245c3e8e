import type { Locale } from '@opora/runtime/definitions';
// Precise modules, never the scripts barrel: this runs in the sandbox worker, which must not load the compiler
// side of scripts (ajv for I/O schemas, TypeScript's diagnostics) — see sandbox-worker-graph.test.ts.
import { CallGate } from '@opora/runtime/scripts/call-gate';
import { bridgeLimits, type ScriptLimits } from '@opora/runtime/scripts/limits';
import { runMessage } from '@opora/runtime/scripts/run-messages';
import type { LogLevel, LogLine, SdkHandler } from '@opora/runtime/scripts/run-types';
import { valueShapeProblem } from '@opora/runtime/scripts/value-shape';

const levels: readonly LogLevel[] = ['info', 'warn', 'error'];
const ellipsis = '…';
const encoder = new TextEncoder();
const nullAnswer = '{"value":null}';

/**
 * The host side of one run's bridge. Everything the guest sends is untrusted text: logs are stored only as
 * strings and measured in the UTF-8 bytes actually kept; SDK calls are counted, size- and depth-checked before
 * they are parsed further or reach the handler, and go through a small per-run queue (a few in flight, a bounded
 * number waiting). Answers are depth-checked too before they are serialized back.
 */
export class HostBridge {
  readonly logs: LogLine[] = [];
  logsTruncated = false;
  sdkCalls = 0;
  private logBytes = 0;
  private closed = false;
  private readonly gate = new CallGate(bridgeLimits.sdkCallsInFlight, bridgeLimits.sdkCallsWaiting);

  constructor(
    private readonly sdk: SdkHandler,
    private readonly limits: ScriptLimits,
    private readonly locale: Locale,
  ) {}

  /** The run is over: calls still queued are dropped, not carried out, and late calls are refused. */
  close(): void {
    this.closed = true;
  }

  /** What the guest's host reference calls: logs are answered at once, SDK calls with a promise. */
  readonly receive = (op: unknown, argsJson: unknown): string | Promise<string> => {
    if (typeof op !== 'string' || typeof argsJson !== 'string') return this.error('sdk_bad_call');
    if (op === 'log.truncated') {
      this.logsTruncated = true;
      return nullAnswer;
    }
    if (op === 'log') return this.log(argsJson);
    return this.sdkCall(op, argsJson);
  };

  private log(argsJson: string): string {
    const room = this.limits.maxLogBytes - this.logBytes;
    // The guest cuts a message to its budget in characters, and JSON spells a character in at most 6
    // (\u001f): anything longer did not come from the bootstrap.
    if (room <= 0 || argsJson.length > 6 * this.limits.maxLogBytes + 64) {
      this.logsTruncated = true;
      return nullAnswer;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(argsJson);
    } catch {
      return this.error('sdk_bad_call');
    }
    const [level, message] = Array.isArray(parsed) ? parsed : [];
    if (typeof message !== 'string') return this.error('sdk_bad_call');
    const kept = fitBytes(message, room - 1);
    this.logs.push({
      level: levels.includes(level as LogLevel) ? (level as LogLevel) : 'info',
      message: kept,
    });
    // A line costs its bytes plus one (its line break when shown), so even empty lines use up the budget.
    this.logBytes += encoder.encode(kept).length + 1;
    if (kept !== message) this.logsTruncated = true;
    return nullAnswer;
  }

  private async sdkCall(op: string, argsJson: string): Promise<string> {
    if (this.closed) return this.error('sdk_bad_call');
    this.sdkCalls += 1;
    if (this.sdkCalls > this.limits.maxSdkCalls)
      return this.error('sdk_call_limit', { count: this.limits.maxSdkCalls });
    // A character is at least one byte: a short text needs no exact count.
    if (
      argsJson.length > bridgeLimits.maxSdkArgumentBytes ||
      encoder.encode(argsJson).length > bridgeLimits.maxSdkArgumentBytes
    )
      return this.error('sdk_arguments_too_large', { bytes: bridgeLimits.maxSdkArgumentBytes });
    let args: unknown;
    try {
      args = JSON.parse(argsJson);
    } catch {
      return this.error('sdk_bad_call');
    }
    if (!Array.isArray(args)) return this.error('sdk_bad_call');
    const shape = valueShapeProblem(args, bridgeLimits.maxValueDepth + 1);
    if (shape) return this.error('sdk_value_too_deep', { depth: bridgeLimits.maxValueDepth });
    const queued = this.gate.run(() => this.carryOut(op, args as unknown[]));
    return queued ?? this.error('sdk_too_many_waiting', { count: bridgeLimits.sdkCallsWaiting });
  }

  private async carryOut(op: string, args: unknown[]): Promise<string> {
    if (this.closed) return this.error('sdk_bad_call');
    let value: unknown;
    try {
      value = (await this.sdk(op, args)) ?? null;
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
    if (valueShapeProblem(value, bridgeLimits.maxValueDepth))
      return this.error('sdk_answer_too_deep', { depth: bridgeLimits.maxValueDepth });
    return JSON.stringify({ value });
  }

  private error(key: Parameters<typeof runMessage>[1], params: Record<string, number> = {}): string {
    return JSON.stringify({ error: runMessage(this.locale, key, params) });
  }
}

/** The longest prefix of `text` within `bytes` UTF-8 bytes (never half a character), marked when cut. */
export function fitBytes(text: string, bytes: number): string {
  if (text.length * 3 <= bytes || encoder.encode(text).length <= bytes) return text;
  const room = bytes - encoder.encode(ellipsis).length;
  if (room <= 0) return '';
  const { read } = encoder.encodeInto(text, new Uint8Array(room));
  return `${text.slice(0, read)}${ellipsis}`;
}
