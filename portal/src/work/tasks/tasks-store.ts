import { createStore } from '../../lib/store';
import { taskBadgeStore } from './badge-store';
import { checkedEligible } from './bulk-summary';
import { defaultFilters, type TaskFilters, taskPageSize, taskQuery } from './task-query';
import type { Task, TaskCounts } from './task-types';
import { tasksApi } from './tasks-api';

export interface TasksState {
  filters: TaskFilters;
  items: Task[];
  nextCursor: string | null;
  counts: TaskCounts | null;
  /** The first answer for the current filters is in. */
  loaded: boolean;
  loadingMore: boolean;
  error: unknown;
  /** The row the keyboard moves (j/k, arrows). */
  selected: string | null;
  /** Rows ticked for «Согласовать выбранные». */
  checked: ReadonlySet<string>;
  /** Every process seen in the inbox so far (key → name), for the process filter. */
  processes: ReadonlyMap<string, string>;
}

const initial: TasksState = {
  filters: defaultFilters,
  items: [],
  nextCursor: null,
  counts: null,
  loaded: false,
  loadingMore: false,
  error: null,
  selected: null,
  checked: new Set(),
  processes: new Map(),
};

/** The processes known so far with those of a fresh page added. */
const withProcesses = (known: ReadonlyMap<string, string>, items: readonly Task[]) =>
  items.every((task) => known.has(task.processKey))
    ? known
    : new Map([
        ...known,
        ...items.map((task): [string, string] => [task.processKey, task.processName || task.processKey]),
      ]);

/** The inbox, kept outside components so a live push refreshes it whether or not it is on screen. */
export const tasksStore = createStore<TasksState>(initial);

let round = 0;

/** (Re)reads the list from the top; a live refresh keeps as many rows as are shown (up to 100). */
export async function loadTasks(filters: TaskFilters = tasksStore.get().filters): Promise<void> {
  const mine = ++round;
  const same = filters === tasksStore.get().filters;
  const limit = same ? Math.min(100, Math.max(taskPageSize, tasksStore.get().items.length)) : taskPageSize;
  tasksStore.set((s) =>
    same
      ? { ...s, error: null }
      : { ...s, filters, items: [], loaded: false, error: null, checked: new Set() },
  );
  try {
    const page = await tasksApi.list(taskQuery(filters, { limit }));
    if (mine !== round) return;
    // The counts are the scope's, whatever the filters: my inbox's are the badge's too.
    if (filters.scope === 'mine') taskBadgeStore.set(page.counts);
    tasksStore.set((s) => ({
      ...s,
      items: page.items,
      nextCursor: page.nextCursor ?? null,
      counts: page.counts,
      loaded: true,
      processes: withProcesses(s.processes, page.items),
      // Ticks survive a refresh only on rows that are still there and still eligible.
      checked: new Set(checkedEligible(s.checked, page.items)),
    }));
  } catch (error) {
    if (mine === round) tasksStore.set((s) => ({ ...s, error, loaded: true }));
  }
}

/** «Показать ещё»: the next page by cursor; rows already shown are not repeated. */
export async function loadMoreTasks(): Promise<void> {
  const state = tasksStore.get();
  if (state.loadingMore || !state.nextCursor) return;
  const mine = round;
  tasksStore.set((s) => ({ ...s, loadingMore: true }));
  try {
    const page = await tasksApi.list(taskQuery(state.filters, { after: state.nextCursor }));
    if (mine !== round) return;
    tasksStore.set((s) => {
      const known = new Set(s.items.map((task) => task.id));
      return {
        ...s,
        items: [...s.items, ...page.items.filter((task) => !known.has(task.id))],
        nextCursor: page.nextCursor ?? null,
        counts: page.counts,
        loadingMore: false,
        processes: withProcesses(s.processes, page.items),
      };
    });
  } catch (error) {
    tasksStore.set((s) => ({ ...s, error, loadingMore: false }));
  }
}

export function setFilters(change: Partial<TaskFilters>): void {
  void loadTasks({ ...tasksStore.get().filters, ...change });
}

export function selectTask(id: string | null): void {
  tasksStore.set((s) => ({ ...s, selected: id }));
}

/** Moves the selection one row down (+1) or up (-1); from nothing, to the first row. */
export function moveSelection(step: 1 | -1): string | null {
  const { items, selected } = tasksStore.get();
  if (!items.length) return null;
  const at = items.findIndex((task) => task.id === selected);
  const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
  const id = items[next]?.id ?? null;
  selectTask(id);
  return id;
}

export function toggleChecked(id: string): void {
  tasksStore.set((s) => {
    const checked = new Set(s.checked);
    if (checked.has(id)) checked.delete(id);
    else checked.add(id);
    return { ...s, checked };
  });
}

export function setChecked(ids: readonly string[]): void {
  tasksStore.set((s) => ({ ...s, checked: new Set(ids) }));
}

/** A task changed through the panel: its row follows at once (the list is read again right after). */
export function replaceTask(task: Task): void {
  tasksStore.set((s) => ({ ...s, items: s.items.map((row) => (row.id === task.id ? task : row)) }));
}
