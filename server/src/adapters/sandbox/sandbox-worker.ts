// A sandbox worker process: runs scripts in isolated-vm isolates for the server, which talks to it over IPC.
// Isolates live here, not in the server, so a V8 failure takes down only this process (the pool replaces it).
import { IsolateRunner } from './isolate-runner.js';
import type { FromWorker, ToWorker } from './protocol.js';

const runner = new IsolateRunner();
const pending = new Map<string, (json: string) => void>();
let nextCall = 0;

// The server may already be gone (shutdown): then there is nobody to answer and the worker exits on disconnect.
const send = (message: FromWorker) => {
  if (process.connected) process.send?.(message, undefined, {}, () => {});
};

process.on('message', (message: ToWorker) => {
  if (message.type === 'sdk-answer') {
    pending.get(`${message.id}:${message.callId}`)?.(message.json);
    pending.delete(`${message.id}:${message.callId}`);
    return;
  }
  const { id, request } = message;
  void runner
    .run(request, (op, args) => {
      const callId = nextCall++;
      return new Promise((resolve, reject) => {
        pending.set(`${id}:${callId}`, (json) => {
          const answer = JSON.parse(json) as { value?: unknown; error?: string };
          if (answer.error !== undefined) reject(new Error(answer.error));
          else resolve(answer.value);
        });
        send({ type: 'sdk', id, callId, op, argsJson: JSON.stringify(args) });
      });
    })
    .then((result) => send({ type: 'result', id, result }));
});

process.on('disconnect', () => {
  runner.dispose();
  process.exit(0);
});
send({ type: 'ready' });
