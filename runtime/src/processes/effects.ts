import type { SharedEffectRequest } from '../effect-requests.js';
import type { Value } from '../forms/expressions/index.js';
import type { InstanceStatus, TaskAssignee } from './instance.js';

/**
 * What the process engine asks the server to do. Every effect that answers (`requestId`) is awaited: the server
 * sends an `effectResult` back. Timer keys are unique per token, node and attempt, so a timer fires once.
 */
export type ProcessEffect =
  | {
      type: 'createTask';
      taskId: string;
      tokenId: string;
      nodeId: string;
      kind: 'user' | 'approval' | 'revision';
      assignee: TaskAssignee;
      title?: string;
      form?: string;
      dueAt?: number;
      record?: { entity: string; id: string };
    }
  | { type: 'cancelTask'; taskId: string }
  | { type: 'scheduleTimer'; key: string; at?: number; cron?: string; timeDate?: string }
  | { type: 'cancelTimer'; key: string }
  | SharedEffectRequest
  | { type: 'setStatus'; requestId: string; status: string; record?: { entity: string; id: string } }
  | { type: 'sendClientMessage'; requestId: string; text: string }
  | {
      type: 'notifyStaff';
      requestId?: string;
      to: TaskAssignee;
      text: string;
      reason?: 'reminder' | 'overdue' | 'message';
      taskId?: string;
    }
  | { type: 'publishMessage'; name: string; variables: Record<string, Value> }
  | { type: 'ended'; status: InstanceStatus; error?: { nodeId?: string; message: string; code?: string } };
