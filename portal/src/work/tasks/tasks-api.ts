import { client } from '../../lib/api';
import type { ApprovalSheetRow, BulkResult, Task, TaskDetail, TaskPage } from './task-types';

const enc = encodeURIComponent;

export interface CompleteInput {
  outcome?: string;
  variables?: Record<string, unknown>;
  comment?: string;
  /** The document hash the approver saw (the task's `documentHash`). */
  seenHash?: string;
}

/** The task routes of the processes API (/api/v1/tasks…), through the portal's session client. */
export const tasksApi = {
  list: (query: Record<string, string>) => client.request<TaskPage>('GET', '/tasks', { query }),
  get: (id: string) => client.request<TaskDetail>('GET', `/tasks/${enc(id)}`),
  claim: (id: string) => client.request<Task>('POST', `/tasks/${enc(id)}/claim`, { body: {} }),
  unclaim: (id: string) => client.request<Task>('POST', `/tasks/${enc(id)}/unclaim`, { body: {} }),
  complete: (id: string, input: CompleteInput) =>
    client.request<Task>('POST', `/tasks/${enc(id)}/complete`, { body: input }),
  delegate: (id: string, to: string, comment?: string) =>
    client.request<Task>('POST', `/tasks/${enc(id)}/delegate`, { body: comment ? { to, comment } : { to } }),
  bulkApprove: (ids: string[], comment?: string) =>
    client.request<BulkResult>('POST', '/tasks/bulk-complete', {
      body: comment ? { ids, outcome: 'approve', comment } : { ids, outcome: 'approve' },
    }),
  approvals: (entity: string, id: string) =>
    client.request<{ items: ApprovalSheetRow[] }>('GET', `/records/${enc(entity)}/${enc(id)}/approvals`),
};
