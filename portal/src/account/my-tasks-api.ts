import { client } from '../lib/api';

const enc = encodeURIComponent;

/** A process task of the client's, as /portal/my/tasks answers it (the fields the account shows). */
export interface MyTask {
  id: string;
  title: string;
  processName: string;
  kind: 'user' | 'approval' | 'revision';
  status: 'open' | 'completed' | 'cancelled';
  createdAt: string;
  dueAt?: string;
  overdue: boolean;
  record?: { entity: string; id: string; title?: string };
  form?: string;
  completedAt?: string;
}

export interface MyTaskPage {
  items: MyTask[];
  nextCursor?: string;
  counts: { open: number; overdue: number; dueToday: number };
}

/** One task with the client's request it is about, when the record is theirs. */
export type MyTaskDetail = MyTask & { requestId?: string };

export interface PublishedTaskForm {
  form: { key: string; version: number; body: unknown };
  entity: { key: string; version: number; body: unknown };
  /** What the process holds for the form's fields (a revision opens with what the client sent). */
  values: Record<string, unknown>;
}

/** «Мои задачи»: the client's own process tasks (/api/v1/portal/my/tasks…), through the session client. */
export const myTasksApi = {
  list: (query: { status?: 'open' | 'done'; limit?: number; after?: string } = {}) =>
    client.request<MyTaskPage>('GET', '/portal/my/tasks', {
      query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
    }),
  get: (id: string) => client.request<MyTaskDetail>('GET', `/portal/my/tasks/${enc(id)}`),
  form: (id: string) => client.request<PublishedTaskForm>('GET', `/portal/my/tasks/${enc(id)}/form`),
  complete: (id: string, input: { variables?: Record<string, unknown>; comment?: string }) =>
    client.request<MyTask>('POST', `/portal/my/tasks/${enc(id)}/complete`, { body: input }),
};
