import type { Value } from '../forms/expressions/index.js';

/** What can happen to a process instance. */
export type ProcessEvent =
  | {
      type: 'start';
      variables?: Record<string, Value>;
      /** The start event to start at (a form's, a record's …); the first plain one when absent. */
      startEvent?: string;
      actor?: string;
      record?: { entity: string; id: string };
    }
  | {
      type: 'taskCompleted';
      taskId: string;
      actor: string;
      /** A user task's result, or an approver's decision. */
      outcome?: string;
      variables?: Record<string, Value>;
      comment?: string;
      delegateTo?: string;
      /** The document's content hash the actor saw, and the current one the server read: they must match. */
      seenHash?: string;
      currentHash?: string;
    }
  | { type: 'timerFired'; key: string }
  | { type: 'messageReceived'; name: string; correlation?: Value; variables?: Record<string, Value> }
  | {
      type: 'effectResult';
      requestId: string;
      ok: boolean;
      value?: Value;
      error?: { code?: string; message: string };
    }
  | { type: 'cancel'; reason?: string };
