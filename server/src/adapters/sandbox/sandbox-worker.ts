// A sandbox worker process: runs scripts in isolated-vm isolates for the server, which talks to it over IPC.
// Isolates live here, not in the server, so a V8 failure takes down only this process (the pool replaces it).
import type { Locale } from '@opora/runtime/definitions';
// Precise modules, never the scripts barrel: a worker loads only what runs a script (sandbox-worker-graph.test.ts).
import { defaultLimits } from '@opora/runtime/scripts/limits';
import { runMessage } from '@opora/runtime/scripts/run-messages';
import type { RunResult } from '@opora/runtime/scripts/run-types';
import { IsolateRunner } from './isolate-runner.js';
import { bootDelayOption, type FromWorker, setupDelayOption, type ToWorker } from './protocol.js';

const runner = new IsolateRunner();
const option = (prefix: string) =>
  Number(process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? 0);
const bootDelayMs = option(bootDelayOption);
const setupDelayMs = option(setupDelayOption);
const pause = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()));
const pending = new Map<string, (json: string) => void>();
let nextCall = 0;

// The server may already be gone (shutdown): then there is nobody to answer and the worker exits on disconnect.
const send = (message: FromWorker) => {
  if (process.connected) process.send?.(message, undefined, {}, () => {});
};

/** The SDK as the runner sees it: each call goes to the server and waits for its answer (a JSON text). */
const sdkFor = (id: number) => (op: string, args: unknown[]) => {
  const callId = nextCall++;
  return new Promise<unknown>((resolve, reject) => {
    pending.set(`${id}:${callId}`, (json) => {
      const answer = JSON.parse(json) as { value?: unknown; error?: string };
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(answer.value);
    });
    // The runner has checked the arguments' size and depth, so serializing them cannot overflow.
    send({ type: 'sdk', id, callId, op, argsJson: JSON.stringify(args) });
  });
};

/** The runner itself failed (it answers every script failure as a result): told in the author's language. */
const crashed = (locale: Locale): RunResult => ({
  ok: false,
  error: { code: 'sandbox_crashed', message: runMessage(locale, 'sandbox_crashed') },
  logs: [],
  logsTruncated: false,
  durationMs: 0,
  cpuMs: 0,
  memoryBytes: 0,
  sdkCalls: 0,
});

process.on('message', (message: ToWorker) => {
  if (message.type === 'sdk-answer') {
    pending.get(`${message.id}:${message.callId}`)?.(message.json);
    pending.delete(`${message.id}:${message.callId}`);
    return;
  }
  const { id, request } = message;
  void pause(setupDelayMs)
    .then(() => runner.run(request, sdkFor(id), () => send({ type: 'started', id })))
    .catch(() => crashed(request.locale ?? 'ru'))
    .then((result) => {
      try {
        send({ type: 'result', id, result });
      } catch {
        send({ type: 'result', id, result: crashed(request.locale ?? 'ru') });
      }
    });
});

process.on('disconnect', () => {
  runner.dispose();
  process.exit(0);
});

// Ready only once isolated-vm is loaded and a warm-up run went through an isolate, so the first run pays for
// none of the boot. A warm-up that fails still reports ready: real runs then fail with their own clear errors.
void runner
  .warm(defaultLimits.memoryMb)
  .catch(() => undefined)
  .then(() => pause(bootDelayMs))
  .then(() => send({ type: 'ready' }));
