// A sandbox worker process: runs scripts in isolated-vm isolates for the server, which talks to it over IPC.
// Isolates live here, not in the server, so a V8 failure takes down only this process (the pool replaces it).
import { defaultLimits, type RunResult } from '@opora/runtime/scripts';
import { IsolateRunner } from './isolate-runner.js';
import { bootDelayOption, type FromWorker, type ToWorker } from './protocol.js';

const runner = new IsolateRunner();
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

const crashed = (error: unknown): RunResult => ({
  ok: false,
  error: { code: 'sandbox_crashed', message: error instanceof Error ? error.message : String(error) },
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
  void runner
    .run(request, sdkFor(id))
    .catch(crashed)
    .then((result) => {
      try {
        send({ type: 'result', id, result });
      } catch (error) {
        send({ type: 'result', id, result: crashed(error) });
      }
    });
});

process.on('disconnect', () => {
  runner.dispose();
  process.exit(0);
});

// Ready only once isolated-vm is loaded and an isolate is warm, so the first run does not pay for the boot.
runner.warm(defaultLimits.memoryMb);
const delayArgument = process.argv.find((a) => a.startsWith(bootDelayOption));
const bootDelayMs = delayArgument ? Number(delayArgument.slice(bootDelayOption.length)) : 0;
setTimeout(() => send({ type: 'ready' }), bootDelayMs);
