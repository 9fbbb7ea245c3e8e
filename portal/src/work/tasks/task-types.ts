/** The task API's shapes (see the processes API contract: GET /api/v1/tasks and friends). */
export type TaskKind = 'user' | 'approval' | 'revision';
export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface Task {
  id: string;
  instanceId: string;
  processKey: string;
  processName: string;
  nodeId: string;
  kind: TaskKind;
  title: string;
  assignee: { kind: 'user' | 'role' | 'line'; value: string };
  claimedBy?: { id: string; name: string };
  status: TaskStatus;
  createdAt: string;
  dueAt?: string;
  overdue: boolean;
  record?: { entity: string; id: string; title?: string };
  /** A user task's form definition key. */
  form?: string;
  outcomes: string[];
  canDelegate: boolean;
  bulkApprove: boolean;
  /** Approval: the record's content hash now; sent back as `seenHash` so a changed document is not approved blind. */
  documentHash?: string;
  completedAt?: string;
  completedBy?: { id: string; name: string } | string;
  outcome?: string;
}

/** One decision in a record's approval sheet (лист согласования). */
export interface ApprovalSheetRow {
  instanceId: string;
  processKey: string;
  nodeId: string;
  nodeName: string;
  round: number;
  actor: { id: string; name: string };
  outcome: string;
  at: string;
  hash?: string;
  comment?: string;
  /** Whom the task was handed to (the contract names an id; the server sends the person). */
  delegateTo?: string | { id: string; name: string };
}

export interface TaskDetail extends Task {
  variables: Record<string, unknown>;
  decisions: ApprovalSheetRow[];
}

export interface TaskCounts {
  open: number;
  overdue: number;
  dueToday: number;
}

export interface TaskPage {
  items: Task[];
  nextCursor?: string;
  counts: TaskCounts;
}

export interface BulkResult {
  done: string[];
  failed: { id: string; code: string; message: string }[];
}
