import { useTranslation } from 'react-i18next';
import type { ActionProblem } from './task-actions';

/** Why the last action was refused, in the server's words where it gave them. */
export function ProblemBanner({ problem }: { problem: ActionProblem }) {
  const { t } = useTranslation();
  const text =
    problem.kind === 'documentChanged'
      ? t('tasks.panel.documentChanged')
      : (problem.message ?? t('work.unreachable'));
  return (
    <div
      className={problem.kind === 'documentChanged' ? 'banner warning' : 'banner error'}
      role="alert"
      data-testid="task-problem"
    >
      {text}
    </div>
  );
}
