import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/ScreenStates';
import { navigate } from '../../lib/router';
import { useStore } from '../../lib/store';
import { useSignedInUser } from '../../state/use-signed-in-user';
import { BulkApproveBar } from './BulkApproveBar';
import { listKey } from './keyboard';
import { TaskFiltersBar } from './TaskFiltersBar';
import { TaskPanelView } from './TaskPanelView';
import { TaskTable } from './TaskTable';
import { taskPath } from './task-paths';
import type { TaskFilters } from './task-query';
import { loadMoreTasks, loadTasks, moveSelection, selectTask, tasksStore } from './tasks-store';
import './i18n';
import './tasks.css';

/** «Мои задачи»: the inbox on the left, the chosen task on the right (alone on a phone). */
export function TasksScreen({ taskId }: { taskId: string | null }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const state = useStore(tasksStore);
  const team = user?.roles.some((role) => role === 'supervisor' || role === 'admin') ?? false;

  useEffect(() => {
    void loadTasks();
  }, []);
  useEffect(() => {
    if (taskId) selectTask(taskId);
  }, [taskId]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = listKey({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        target: event.target as HTMLElement | null,
      });
      if (!key || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (key === 'open') {
        const selected = tasksStore.get().selected;
        if (selected) navigate(taskPath(selected));
      } else moveSelection(key === 'next' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section
      className={taskId ? 'work-screen tasks-screen has-task' : 'work-screen tasks-screen'}
      data-testid="tasks-screen"
    >
      <div className="tasks-list-pane">
        <header className="screen-head">
          <h1>{t('tasks.title')}</h1>
          {state.counts && (
            <span className="muted" data-testid="tasks-counts">
              {t('tasks.counts', { ...state.counts })}
            </span>
          )}
        </header>
        <TaskFiltersBar filters={state.filters} known={state.processes} team={team} />
        <BulkApproveBar items={state.items} checked={state.checked} />
        <TaskListBody />
        <p className="muted small tasks-hint">
          <kbd>j</kbd>/<kbd>k</kbd> {t('tasks.keyboardHint')}
        </p>
      </div>
      <div className="tasks-panel-pane">
        {taskId ? <TaskPanelView key={taskId} id={taskId} /> : <p className="empty">{t('tasks.pickOne')}</p>}
      </div>
    </section>
  );
}

function TaskListBody() {
  const { t } = useTranslation();
  const state = useStore(tasksStore);
  if (!state.loaded) return <Loading />;
  if (state.error !== null && !state.items.length)
    return <LoadError error={state.error} onRetry={() => void loadTasks()} />;
  if (!state.items.length)
    return (
      <p className="empty" data-testid="tasks-empty">
        {emptyText(state.filters, t)}
      </p>
    );
  return (
    <>
      {state.error !== null && <LoadError error={state.error} onRetry={() => void loadTasks()} />}
      <TaskTable items={state.items} selected={state.selected} checked={state.checked} />
      {state.nextCursor && (
        <div className="list-footer">
          <button
            type="button"
            className="btn"
            disabled={state.loadingMore}
            onClick={() => void loadMoreTasks()}
            data-testid="tasks-more"
          >
            {state.loadingMore ? t('common.wait') : t('tasks.more')}
          </button>
        </div>
      )}
    </>
  );
}

function emptyText(filters: TaskFilters, t: (key: string) => string) {
  if (filters.overdueOnly || filters.process || filters.q.trim()) return t('tasks.emptyFiltered');
  return filters.status === 'open' ? t('tasks.emptyOpen') : t('tasks.emptyDone');
}
