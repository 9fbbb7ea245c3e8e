import type { BulkResult, Task } from './task-types';

/** Rows a bulk approval may take: open approval tasks the server marked as fit for it. */
export function bulkEligible(tasks: readonly Task[]): Task[] {
  return tasks.filter((task) => task.bulkApprove && task.status === 'open');
}

/** Of the checked ids, those still on screen and still eligible (a live refresh may have taken some away). */
export function checkedEligible(checked: ReadonlySet<string>, tasks: readonly Task[]): string[] {
  return bulkEligible(tasks)
    .filter((task) => checked.has(task.id))
    .map((task) => task.id);
}

export interface BulkSummary {
  done: number;
  failed: { id: string; title: string; message: string }[];
  tone: 'success' | 'warning' | 'error';
}

/** What to tell after «Согласовать выбранные»: how many went through, and which did not and why. */
export function bulkSummary(result: BulkResult, tasks: readonly Task[]): BulkSummary {
  const titles = new Map(tasks.map((task) => [task.id, task.title]));
  const failed = result.failed.map((f) => ({
    id: f.id,
    title: titles.get(f.id) ?? f.id,
    message: f.message,
  }));
  const tone = failed.length === 0 ? 'success' : result.done.length === 0 ? 'error' : 'warning';
  return { done: result.done.length, failed, tone };
}

/** The server takes at most this many ids in one bulk call. */
export const bulkLimit = 100;
