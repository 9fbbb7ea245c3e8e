import type { Task } from './task-types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Who a task waits on: whoever claimed it, else the person, role or line it is offered to. */
export function assigneeText(task: Task, names: ReadonlyMap<string, string>, t: Translate): string {
  if (task.claimedBy) return task.claimedBy.name;
  if (task.assignee.kind === 'user') return names.get(task.assignee.value) ?? t('tasks.assignee.user');
  // A built-in role reads by its name; a line (or an unknown role) by its key.
  const value =
    task.assignee.kind === 'role'
      ? t(`tasks.role.${task.assignee.value}`, { defaultValue: task.assignee.value })
      : task.assignee.value;
  return t(`tasks.assignee.${task.assignee.kind}`, { value });
}

/** Ids of the people tasks are assigned to by name, to look their names up at once. */
export function assignedPeople(tasks: readonly Task[]): Set<string> {
  return new Set(tasks.filter((task) => task.assignee.kind === 'user').map((task) => task.assignee.value));
}
