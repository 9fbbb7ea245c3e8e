import { useTranslation } from 'react-i18next';
import { dueState, formatDue, overdueText } from './due-text';
import type { Task } from './task-types';

/** The due date in the reader's locale; a late open task gets a red «Просрочено на 2 дня». */
export function DueCell({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const state = dueState(task.dueAt, task.status === 'open', new Date());
  if (state.kind === 'none') return <span className="muted">{t('tasks.noDue')}</span>;
  const late = overdueText(state, t);
  return (
    <span className={late ? 'due overdue' : 'due'}>
      <time dateTime={task.dueAt}>{formatDue(task.dueAt, i18n.language)}</time>
      {late && (
        <span className="overdue-mark" data-testid="overdue-mark">
          {late}
        </span>
      )}
      {state.kind === 'today' && <span className="muted"> · {t('tasks.due.today')}</span>}
    </span>
  );
}
