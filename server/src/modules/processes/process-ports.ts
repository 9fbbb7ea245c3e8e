import type { ProcessEffect, ProcessEvent, ProcessInstance, TaskAssignee } from '@opora/runtime/processes';
import type { Em, Statement } from '../../db/database.js';

/**
 * The seam between the instances (stepping, timers, effects, messages: `instances/`) and the tasks people work on
 * (the inbox, the approval sheet: `tasks/`). Each side reaches the other only through these ports, so either can
 * change its tables without the other noticing.
 */

/** A task the engine opened (`createTask`), with what the inbox shows without reading the instance. */
export interface TaskOpening {
  instanceId: string;
  processKey: string;
  processVersion: number;
  /** The engine's id, unique within the instance. */
  taskId: string;
  tokenId: string;
  nodeId: string;
  kind: 'user' | 'approval' | 'revision';
  assignee: TaskAssignee;
  title?: string;
  /** A form definition's key: the inbox renders it with the forms runtime. */
  form?: string;
  dueAt?: Date;
  record?: { entity: string; id: string };
  /** Who started the instance: an approval's four-eyes rule keeps them off its approval tasks. */
  author?: string;
}

/** What the instances side asks of the tasks side, inside the step's transaction. */
export interface TaskPort {
  open(tx: Em, task: TaskOpening): Promise<void>;
  /** The engine no longer waits for it (decided elsewhere, cancelled, interrupted by a boundary event). */
  cancel(tx: Em, instanceId: string, taskId: string): Promise<void>;
  /** A `notifyStaff` effect: in the app, and by e-mail where the person has one. */
  notify(tx: Em, instanceId: string, effect: Extract<ProcessEffect, { type: 'notifyStaff' }>): Promise<void>;
}

/** Why the engine did not take an event (see `StepResult.refused`), or that it did. */
export type FeedOutcome = { ok: true; instance: ProcessInstance } | { ok: false; refused: string };

/** An instance whose row lock a transaction took (see {@link InstancePort.lockOfTask}); only the instances side reads it. */
export interface LockedInstance {
  readonly id: string;
  readonly lockedInstance: true;
}

/** What the tasks side asks of the instances side. */
export interface InstancePort {
  /**
   * Steps the instance with `event` under its row lock, in `tx` when given (the task's completion and the step
   * commit together), and carries out the step's effects. `locked`: the row as {@link lockOfTask} took it in tx.
   */
  feed(instanceId: string, event: ProcessEvent, tx?: Em, locked?: LockedInstance): Promise<FeedOutcome>;
  /**
   * Takes the row lock of the task's instance in tx, before the task's own row is touched: every writer locks the
   * instance first, then its tasks, so a decision and a timer of one instance never wait on each other in a circle.
   * `then` (the task's own close) is sent in the same round trip, run right after the lock; its rows come back.
   */
  lockOfTask(
    taskId: string,
    tx: Em,
    then: Statement,
  ): Promise<{ locked: LockedInstance | null; rows: unknown[] }>;
  /** The instance's state as stored, or null. */
  get(instanceId: string, tx?: Em): Promise<ProcessInstance | null>;
}

/** How a process instance begins: from the API, a form, a record's change, a timer, a bot. */
export interface StartRequest {
  variables?: Record<string, unknown>;
  record?: { entity: string; id: string };
  /** The start event to start at; the first plain one when absent. */
  startEvent?: string;
  /** The staff user or client who started it (the author, for four eyes). */
  actor?: string;
  /** Starting twice with one key starts one instance (a retried job, a replayed webhook). */
  idempotencyKey?: string;
  /** Started by a message: how many thrown messages led to it (see `ProcessInstance.messageHops`). */
  messageHops?: number;
}

/** Starts the latest published version of a process; in `tx` when given. Answers the instance's id. */
export interface ProcessStarter {
  start(processKey: string, request: StartRequest, tx?: Em): Promise<{ instanceId: string }>;
}
