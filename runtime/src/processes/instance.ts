import type { Value } from '../forms/expressions/index.js';

/** Who a task goes to, as data the server resolves to people (a user id, a role, a line's operators). */
export interface TaskAssignee {
  kind: 'user' | 'role' | 'line';
  value: string;
}

/** One open task of a waiting token, with the timers of its deadline. */
export interface OpenTask {
  taskId: string;
  assignee: TaskAssignee;
  /** The approver's place in the approval's list (approval tasks); -1 for the author's revision task. */
  slot?: number;
  dueKey?: string;
  remindKey?: string;
}

/** A decision of an approval, as the approval sheet (лист согласования) shows it. */
export interface Decision {
  nodeId: string;
  round: number;
  slot: number;
  actor: string;
  outcome: 'approve' | 'reject' | 'return' | 'delegate';
  at: number;
  /** The document's content hash the approver saw (the current one: a decision on another is refused). */
  hash?: string;
  comment?: string;
  delegateTo?: string;
}

/** What an approval task knows between its decisions. */
export interface ApprovalState {
  slots: TaskAssignee[];
  round: number;
  phase: 'deciding' | 'revision';
  /** Decisions of this round by slot. */
  decided: Record<number, 'approve' | 'reject'>;
}

/** What a token waits for. */
export type Wait =
  | { kind: 'tasks'; tasks: OpenTask[]; approval?: ApprovalState }
  | { kind: 'timer'; key: string }
  | { kind: 'message'; name: string; correlation?: Value }
  | { kind: 'result'; requestId: string }
  /** At a joining gateway, until its other branches arrive. */
  | { kind: 'join' }
  /** At an event-based gateway: the first of these wins. */
  | {
      kind: 'events';
      timers: { key: string; nodeId: string }[];
      messages: { name: string; correlation?: Value; nodeId: string }[];
    }
  /** At a sub-process, until its inner tokens end. */
  | { kind: 'scope' }
  /** At a multi-instance activity, until its runs complete. */
  | { kind: 'multi'; items: Value[]; started: number; completed: number; sequential: boolean };

/**
 * A token: where one thread of the instance is. `scope` is the token that owns it (a sub-process's, or a
 * multi-instance activity's, for its runs); `inner` marks one run of a multi-instance activity; `locals` are
 * variables only it sees (the run's element).
 */
export interface Token {
  id: string;
  nodeId: string;
  scope?: string;
  inner?: boolean;
  /** The flow it arrived by (joins count arrivals per incoming flow). */
  via?: string;
  locals?: Record<string, Value>;
  wait?: Wait;
  /** Timers of boundary events of the activity it waits at. */
  boundaries?: { key: string; nodeId: string }[];
  /** Its open history entry (index into `history`). */
  entry: number;
}

export interface HistoryEntry {
  nodeId: string;
  tokenId: string;
  enteredAt: number;
  leftAt?: number;
  outcome?: string;
}

export type InstanceStatus = 'running' | 'completed' | 'terminated' | 'failed';

/** The state of one running process instance: what the server stores between events. */
export interface ProcessInstance {
  processKey: string;
  processVersion: number;
  status: InstanceStatus;
  variables: Record<string, Value>;
  tokens: Token[];
  history: HistoryEntry[];
  /** Who started it: the author of the document an approval decides (four eyes). */
  author?: string;
  /** The record the process is about. */
  record?: { entity: string; id: string };
  /** The approval sheet: every decision, in order. */
  decisions: Decision[];
  /**
   * How many messages, each thrown on receiving the one before, led to the latest message this instance started
   * from or received (the server keeps it; 0 or absent when none did): the server bounds such a chain, as two
   * processes that start or wake each other by messages would otherwise run for ever.
   */
  messageHops?: number;
  /** A counter for ids of tokens, tasks, timers and requests, so a replay makes the same ones. */
  seq: number;
  error?: { nodeId?: string; message: string; code?: string };
}
