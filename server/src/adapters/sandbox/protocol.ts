import type { RunRequest, RunResult } from '@opora/runtime/scripts';

/** Messages between the server and a sandbox worker process (over the IPC channel, as JSON). */
export type ToWorker =
  | { type: 'run'; id: number; request: RunRequest }
  | { type: 'sdk-answer'; id: number; callId: number; json: string };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'sdk'; id: number; callId: number; op: string; argsJson: string }
  | { type: 'result'; id: number; result: RunResult };
