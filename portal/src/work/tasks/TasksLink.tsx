import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link';
import { useStore } from '../../lib/store';
import { taskBadgeStore } from './badge-store';
import { tasksPath } from './task-paths';
import { badgeText } from './task-query';
import { useTasksLive } from './use-tasks-live';
import './i18n';
import './tasks.css';

/** «Мои задачи» in the staff bar: the count of open tasks, red when some are overdue; live. */
export function TasksLink({ path }: { path: string }) {
  const { t } = useTranslation();
  useTasksLive(true);
  const counts = useStore(taskBadgeStore);
  const open = counts?.open ?? 0;
  const overdue = counts?.overdue ?? 0;
  return (
    <Link
      to={tasksPath}
      className={path === tasksPath || path.startsWith(`${tasksPath}/`) ? 'active' : undefined}
      data-testid="nav-tasks"
    >
      {t('tasks.nav')}
      {open > 0 && (
        <span
          className={overdue > 0 ? 'count tasks-nav-count overdue' : 'count tasks-nav-count'}
          title={overdue > 0 ? t('tasks.navOverdue', { count: overdue }) : undefined}
          data-testid="tasks-badge"
        >
          {badgeText(open)}
        </span>
      )}
    </Link>
  );
}
