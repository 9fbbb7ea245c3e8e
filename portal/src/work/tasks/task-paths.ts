/** The inbox lives in the work area; a task opens at its own address so it can be linked and reloaded. */
export const tasksPath = '/work/tasks';
export const taskPath = (id: string): string => `${tasksPath}/${encodeURIComponent(id)}`;
