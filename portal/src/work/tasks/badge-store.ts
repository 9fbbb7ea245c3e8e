import { createStore } from '../../lib/store';
import type { TaskCounts } from './task-types';
import { tasksApi } from './tasks-api';

/** The counts over «Мои задачи» in the staff bar (my open tasks, how many overdue). */
export const taskBadgeStore = createStore<TaskCounts | null>(null);

let timer: ReturnType<typeof setTimeout> | null = null;

/** Asks the server again, once for a burst of changes. */
export function refreshTaskBadge(delayMs = 300): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    tasksApi.list({ scope: 'mine', status: 'open', limit: '1' }).then(
      ({ counts }) => taskBadgeStore.set(counts),
      // A failed count keeps the last one (a server without processes answers 404: no badge at all).
      () => undefined,
    );
  }, delayMs);
}
