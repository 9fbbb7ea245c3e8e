import type { RunRequest, RunResult } from '@opora/runtime/scripts/run-types';

/** Messages between the server and a sandbox worker process (over the IPC channel, as JSON). */
export type ToWorker =
  | { type: 'run'; id: number; request: RunRequest }
  | { type: 'sdk-answer'; id: number; callId: number; json: string };

export type FromWorker =
  /** Sent once the worker has loaded isolated-vm and warmed an isolate: only then does it get runs. */
  | { type: 'ready' }
  /** The run's code is compiled and starts now: its time limit counts from here. */
  | { type: 'started'; id: number }
  | { type: 'sdk'; id: number; callId: number; op: string; argsJson: string }
  | { type: 'result'; id: number; result: RunResult };

/** Worker command-line option: wait this long before reporting ready (tests simulate a slow machine with it). */
export const bootDelayOption = '--boot-delay-ms=';
/** Worker command-line option: take this long to prepare each run (tests simulate a starved machine with it). */
export const setupDelayOption = '--setup-delay-ms=';
