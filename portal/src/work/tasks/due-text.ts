/** How a due date reads on a row: when, and — for an open task that is late — by how long. */
export type DueState =
  | { kind: 'none' }
  | { kind: 'overdue'; days: number; hours: number }
  | { kind: 'today' }
  | { kind: 'later' };

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** Whether the moment falls on the same calendar day as now, in the browser's time zone. */
function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** A task's due state at `now`; only open tasks can be overdue. */
export function dueState(dueAt: string | undefined, open: boolean, now: Date): DueState {
  if (!dueAt) return { kind: 'none' };
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return { kind: 'none' };
  const late = now.getTime() - due.getTime();
  if (open && late > 0)
    return { kind: 'overdue', days: Math.floor(late / dayMs), hours: Math.floor(late / hourMs) };
  return sameDay(due, now) ? { kind: 'today' } : { kind: 'later' };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** «Просрочено на 2 дня» / «Overdue by 2 days»; under a day, in hours; under an hour, just «Просрочено». */
export function overdueText(state: DueState, t: Translate): string | null {
  if (state.kind !== 'overdue') return null;
  if (state.days >= 1) return t('tasks.due.overdueDays', { count: state.days });
  if (state.hours >= 1) return t('tasks.due.overdueHours', { count: state.hours });
  return t('tasks.due.overdue');
}

/** The due moment in the reader's language: the date, with the time when it is not midnight. */
export function formatDue(dueAt: string | undefined, locale: string): string {
  if (!dueAt) return '';
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return dueAt;
  const midnight = due.getHours() === 0 && due.getMinutes() === 0;
  return due.toLocaleString(
    locale,
    midnight ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
}
