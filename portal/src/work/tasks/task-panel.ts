import { createStore, type Store } from '../../lib/store';
import { type ActionProblem, actionProblem } from './task-actions';
import type { Task, TaskDetail } from './task-types';
import { type CompleteInput, tasksApi } from './tasks-api';
import { loadTasks, replaceTask } from './tasks-store';
import { tasksChanged } from './use-tasks-live';

export interface PanelState {
  task: TaskDetail | null;
  loading: boolean;
  loadError: unknown;
  busy: boolean;
  problem: ActionProblem | null;
  /** What the last action did («Задача передана…»), shown until the next one. */
  notice: { key: string; values?: Record<string, unknown> } | null;
}

/** One open task: what it shows and the actions on it, outside React so the screen stays a thin view. */
export interface TaskPanel {
  readonly store: Store<PanelState>;
  load(): Promise<void>;
  claim(): Promise<void>;
  unclaim(): Promise<void>;
  complete(input: CompleteInput): Promise<boolean>;
  delegate(to: { id: string; name: string }, comment?: string): Promise<void>;
}

export function createTaskPanel(id: string): TaskPanel {
  const store = createStore<PanelState>({
    task: null,
    loading: true,
    loadError: null,
    busy: false,
    problem: null,
    notice: null,
  });

  const load = async () => {
    store.set((s) => ({ ...s, loading: true, loadError: null }));
    try {
      const task = await tasksApi.get(id);
      store.set((s) => ({ ...s, task, loading: false }));
    } catch (loadError) {
      store.set((s) => ({ ...s, loading: false, loadError }));
    }
  };

  /** Runs an action; on success the task, the list and the badge follow; a refusal is kept to be shown. */
  const act = async (run: () => Promise<Task>, notice: PanelState['notice']): Promise<boolean> => {
    if (store.get().busy) return false;
    store.set((s) => ({ ...s, busy: true, problem: null, notice: null }));
    try {
      const changed = await run();
      replaceTask(changed);
      store.set((s) => ({ ...s, busy: false, notice }));
      await load();
      void loadTasks();
      tasksChanged();
      return true;
    } catch (error) {
      const problem = actionProblem(error);
      store.set((s) => ({ ...s, busy: false, problem }));
      // A changed document or a task closed meanwhile: show it as it is now.
      if (problem.kind !== 'message') await load();
      return false;
    }
  };

  return {
    store,
    load,
    claim: () => act(() => tasksApi.claim(id), null).then(() => undefined),
    unclaim: () => act(() => tasksApi.unclaim(id), null).then(() => undefined),
    complete: (input) => act(() => tasksApi.complete(id, input), { key: 'tasks.panel.done' }),
    delegate: (to, comment) =>
      act(() => tasksApi.delegate(id, to.id, comment), {
        key: 'tasks.panel.delegated',
        values: { name: to.name },
      }).then(() => undefined),
  };
}
