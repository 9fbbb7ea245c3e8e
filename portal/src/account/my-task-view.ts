import { accountPaths } from './account-paths';
import type { MyTask, MyTaskDetail } from './my-tasks-api';

/** How a task's due date reads in the account: none, a date ahead, or late (the server says whether it is). */
export type DueMark = { kind: 'none' } | { kind: 'due'; at: string } | { kind: 'overdue'; at: string };

export function dueMark(task: Pick<MyTask, 'dueAt' | 'overdue' | 'status'>): DueMark {
  if (!task.dueAt || Number.isNaN(Date.parse(task.dueAt))) return { kind: 'none' };
  return task.status === 'open' && task.overdue
    ? { kind: 'overdue', at: task.dueAt }
    : { kind: 'due', at: task.dueAt };
}

/** The due moment in the reader's language: the date, with the time when it is not midnight. */
export function formatDue(at: string, locale: string): string {
  const due = new Date(at);
  const midnight = due.getHours() === 0 && due.getMinutes() === 0;
  return due.toLocaleString(
    locale,
    midnight ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
}

/** Late tasks first, then by due date (none last), then oldest first: what needs the client soonest leads. */
export function inDueOrder(tasks: readonly MyTask[]): MyTask[] {
  const due = (t: MyTask) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      due(a) - due(b) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
}

/** Where the task's request opens in the account: only a request of the client's own (the server says which). */
export function requestLinkOf(task: MyTaskDetail): { to: string; title: string } | null {
  if (!task.requestId) return null;
  return { to: accountPaths.request(task.requestId), title: task.record?.title ?? '' };
}

/**
 * What the client has been told of their tasks so far: the ids of notifications that link to a task. A new one
 * arriving live changes it, and the list reloads.
 */
export function taskNoticesKey(notifications: readonly { id: string; link: string | null }[]): string {
  const prefix = `${accountPaths.tasks}/`;
  return notifications
    .filter((n) => n.link?.startsWith(prefix))
    .map((n) => n.id)
    .join(',');
}
