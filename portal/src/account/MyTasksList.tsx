import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { WidgetEmpty, WidgetError, WidgetLoading } from '../components/WidgetStates';
import { useAsync } from '../lib/use-async';
import { accountPaths } from './account-paths';
import { dueMark, formatDue, inDueOrder, taskNoticesKey } from './my-task-view';
import { type MyTask, myTasksApi } from './my-tasks-api';
import { useNotifications } from './state/notifications';

/**
 * «Мои задачи»: the client's open process tasks, late ones first, each with its due date, live as tasks open;
 * `limit` for the home page.
 */
export function MyTasksList({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  // A task that opens for the client arrives as a live notification: the list reloads with it.
  const told = taskNoticesKey(useNotifications().items);
  const list = useAsync(() => myTasksApi.list({ status: 'open', limit: 100 }), [told]);
  if (list.status === 'loading') return <WidgetLoading />;
  if (list.status === 'failed') return <WidgetError error={list.error} onRetry={list.reload} />;
  const items = inDueOrder(list.data.items);
  if (!items.length) return <WidgetEmpty>{t('myAccount.tasks.empty')}</WidgetEmpty>;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <>
      {list.data.counts.overdue > 0 && (
        <p className="my-tasks-overdue" role="status">
          {t('myAccount.tasks.overdueCount', { count: list.data.counts.overdue })}
        </p>
      )}
      <ul className="my-tasks" data-testid="my-tasks">
        {shown.map((task) => (
          <li key={task.id}>
            <TaskRow task={task} />
          </li>
        ))}
      </ul>
      {shown.length < items.length && (
        <Link to={accountPaths.tasks} className="btn ghost">
          {t('myAccount.tasks.all', { count: items.length })}
        </Link>
      )}
    </>
  );
}

function TaskRow({ task }: { task: MyTask }) {
  return (
    <Link to={accountPaths.task(task.id)} className="my-task" data-testid="my-task">
      <span className="my-task-title">{task.title}</span>
      {task.record?.title && <span className="my-task-about muted">{task.record.title}</span>}
      <DueText task={task} />
    </Link>
  );
}

/** «Срок: 5 дек., 12:00» or, late, «Просрочено: …» marked for the eye and for screen readers. */
export function DueText({ task }: { task: MyTask }) {
  const { t, i18n } = useTranslation();
  const mark = dueMark(task);
  if (mark.kind === 'none') return <span className="my-task-due muted">{t('myAccount.tasks.noDue')}</span>;
  const when = formatDue(mark.at, i18n.language);
  return mark.kind === 'overdue' ? (
    <span className="my-task-due overdue" data-testid="my-task-overdue">
      {t('myAccount.tasks.overdue', { when })}
    </span>
  ) : (
    <time className="my-task-due muted" dateTime={mark.at}>
      {t('myAccount.tasks.due', { when })}
    </time>
  );
}
